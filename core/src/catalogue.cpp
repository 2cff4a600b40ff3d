#include "catalogue.hpp"

#include <map>

namespace backorder::detail {
namespace {

using Catalogue = std::map<std::string, std::string, std::less<>>;

// Arguments: {count} sellable units; {min_days} {max_days} the window in days; {dates} the window as a
// localized date range; {date} one localized date; {now_count} {later_count} the split of the quantity.
const std::map<std::string, Catalogue, std::less<>>& catalogues() {
  static const std::map<std::string, Catalogue, std::less<>> all = {
      {"en",
       {
           {"in_stock", "In stock"},
           {"in_stock_short", "In stock"},
           {"low_stock", "Only {count, number} left"},
           {"low_stock_short", "{count, number} left"},
           {"backorder",
            "Backorder – ships in {min_days, number}–{max_days, plural, one {# day} other {# days}}"},
           {"backorder_exact", "Backorder – ships in {max_days, plural, one {# day} other {# days}}"},
           {"backorder_business",
            "Backorder – ships in {min_days, number}–{max_days, plural, one {# business day} other {# "
            "business days}}"},
           {"backorder_business_exact",
            "Backorder – ships in {max_days, plural, one {# business day} other {# business days}}"},
           {"backorder_short", "Ships {dates}"},
           {"preorder", "Pre-order – ships on {date}"},
           {"preorder_short", "Ships {date}"},
           {"split", "{now_count, number} ship now, {later_count, number} on backorder (ships {dates})"},
           {"out_of_stock", "Out of stock"},
           {"out_of_stock_short", "Out of stock"},
           {"discontinued", "Discontinued"},
           {"discontinued_short", "Discontinued"},
           {"disclosure_backorder",
            "{later, plural, one {# unit of {name} is} other {# units of {name} are}} on backorder, expected "
            "to "
            "ship {dates}."},
           {"disclosure_preorder", "{name} is a pre-order and ships on {date}."},
           {"disclosure_ship_available",
            "Items in stock ship {now_dates}; the rest follows {later_dates} in {extra, plural, one {a "
            "second shipment} other {# more shipments}}."},
           {"disclosure_ship_together", "The whole order ships together {dates}."},
           {"disclosure_cancellation",
            "You can cancel backordered items at any time before they ship, for a full refund."},
           {"disclosure_charge_at_shipment", "Your card is charged for each shipment when it ships."},
           {"disclosure_charge_now",
            "Your card is charged today; if we cannot ship by {date}, you can cancel for a full refund."},
       }},
      {"de",
       {
           {"in_stock", "Auf Lager"},
           {"in_stock_short", "Auf Lager"},
           {"low_stock", "Nur noch {count, number} auf Lager"},
           {"low_stock_short", "Noch {count, number}"},
           {"backorder",
            "Nachbestellt – Versand in {min_days, number}–{max_days, plural, one {# Tag} other {# Tagen}}"},
           {"backorder_exact", "Nachbestellt – Versand in {max_days, plural, one {# Tag} other {# Tagen}}"},
           {"backorder_business",
            "Nachbestellt – Versand in {min_days, number}–{max_days, plural, one {# Werktag} other {# "
            "Werktagen}}"},
           {"backorder_business_exact",
            "Nachbestellt – Versand in {max_days, plural, one {# Werktag} other {# Werktagen}}"},
           {"backorder_short", "Versand {dates}"},
           {"preorder", "Vorbestellung – Versand am {date}"},
           {"preorder_short", "Versand {date}"},
           {"split",
            "{now_count, number} sofort lieferbar, {later_count, number} nachbestellt (Versand {dates})"},
           {"out_of_stock", "Ausverkauft"},
           {"out_of_stock_short", "Ausverkauft"},
           {"discontinued", "Nicht mehr erhältlich"},
           {"discontinued_short", "Nicht mehr erhältlich"},
           {"disclosure_backorder",
            "Voraussichtlicher Versand {dates}: {later, plural, one {# Stück von {name} ist} other {# Stück "
            "von "
            "{name} sind}} nachbestellt."},
           {"disclosure_preorder", "{name} ist vorbestellt und wird am {date} versandt."},
           {"disclosure_ship_available",
            "Vorrätige Artikel werden {now_dates} versandt, der Rest folgt {later_dates} in {extra, plural, "
            "one {einer zweiten Sendung} other {# weiteren Sendungen}}."},
           {"disclosure_ship_together", "Die gesamte Bestellung wird zusammen {dates} versandt."},
           {"disclosure_cancellation",
            "Sie können nachbestellte Artikel jederzeit vor dem Versand stornieren und erhalten den vollen "
            "Betrag zurück."},
           {"disclosure_charge_at_shipment", "Ihre Karte wird beim Versand jeder Sendung belastet."},
           {"disclosure_charge_now",
            "Ihre Karte wird heute belastet; können wir nicht bis zum {date} versenden, können Sie gegen "
            "volle Erstattung stornieren."},
       }},
      {"fr",
       {
           {"in_stock", "En stock"},
           {"in_stock_short", "En stock"},
           {"low_stock", "Plus que {count, plural, one {# article} other {# articles}} en stock"},
           {"low_stock_short", "{count, plural, one {# restant} other {# restants}}"},
           {"backorder",
            "En réapprovisionnement – expédié sous {min_days, number} à {max_days, plural, one {# jour} "
            "other {# jours}}"},
           {"backorder_exact",
            "En réapprovisionnement – expédié sous {max_days, plural, one {# jour} other {# jours}}"},
           {"backorder_business",
            "En réapprovisionnement – expédié sous {min_days, number} à {max_days, plural, one {# jour "
            "ouvré} other "
            "{# jours ouvrés}}"},
           {"backorder_business_exact",
            "En réapprovisionnement – expédié sous {max_days, plural, one {# jour ouvré} other {# jours "
            "ouvrés}}"},
           {"backorder_short", "Expédition {dates}"},
           {"preorder", "Précommande – expédié le {date}"},
           {"preorder_short", "Expédition le {date}"},
           {"split",
            "{now_count, plural, one {# expédié maintenant} other {# expédiés maintenant}}, {later_count, "
            "number} en "
            "réapprovisionnement (expédition {dates})"},
           {"out_of_stock", "Rupture de stock"},
           {"out_of_stock_short", "Rupture de stock"},
           {"discontinued", "Produit arrêté"},
           {"discontinued_short", "Produit arrêté"},
           {"disclosure_backorder",
            "Expédition prévue {dates} : {later, plural, one {# unité de {name} est} other {# unités de "
            "{name} "
            "sont}} en réapprovisionnement."},
           {"disclosure_preorder", "{name} est en précommande et sera expédié le {date}."},
           {"disclosure_ship_available",
            "Les articles en stock sont expédiés {now_dates} ; le reste suit {later_dates} en {extra, "
            "plural, one {un second envoi} other {# envois supplémentaires}}."},
           {"disclosure_ship_together", "Envoi unique {dates} : toute la commande est expédiée ensemble."},
           {"disclosure_cancellation",
            "Vous pouvez annuler les articles en réapprovisionnement à tout moment avant leur expédition, "
            "avec remboursement intégral."},
           {"disclosure_charge_at_shipment", "Votre carte est débitée à l’expédition de chaque envoi."},
           {"disclosure_charge_now",
            "Votre carte est débitée aujourd’hui ; si nous ne pouvons pas expédier avant le {date}, vous "
            "pouvez annuler avec remboursement intégral."},
       }},
      {"es",
       {
           {"in_stock", "En stock"},
           {"in_stock_short", "En stock"},
           {"low_stock", "{count, plural, one {Solo queda #} other {Solo quedan #}}"},
           {"low_stock_short", "{count, plural, one {Queda #} other {Quedan #}}"},
           {"backorder",
            "Bajo pedido – se envía en {min_days, number}–{max_days, plural, one {# día} other {# días}}"},
           {"backorder_exact", "Bajo pedido – se envía en {max_days, plural, one {# día} other {# días}}"},
           {"backorder_business",
            "Bajo pedido – se envía en {min_days, number}–{max_days, plural, one {# día hábil} other {# días "
            "hábiles}}"},
           {"backorder_business_exact",
            "Bajo pedido – se envía en {max_days, plural, one {# día hábil} other {# días hábiles}}"},
           {"backorder_short", "Envío {dates}"},
           {"preorder", "Preventa – se envía el {date}"},
           {"preorder_short", "Envío el {date}"},
           {"split",
            "{now_count, plural, one {# se envía ahora} other {# se envían ahora}}, {later_count, number} "
            "bajo pedido "
            "(envío {dates})"},
           {"out_of_stock", "Agotado"},
           {"out_of_stock_short", "Agotado"},
           {"discontinued", "Descatalogado"},
           {"discontinued_short", "Descatalogado"},
           {"disclosure_backorder",
            "{later, plural, one {# unidad de {name} está} other {# unidades de {name} están}} bajo pedido, "
            "envío previsto {dates}."},
           {"disclosure_preorder", "{name} es una preventa y se envía el {date}."},
           {"disclosure_ship_available",
            "Los artículos en stock se envían {now_dates}; el resto llega {later_dates} en {extra, plural, "
            "one {un segundo envío} other {# envíos más}}."},
           {"disclosure_ship_together", "Todo el pedido se envía junto {dates}."},
           {"disclosure_cancellation",
            "Puedes cancelar los artículos bajo pedido en cualquier momento antes del envío, con reembolso "
            "completo."},
           {"disclosure_charge_at_shipment", "Tu tarjeta se cobra al enviar cada paquete."},
           {"disclosure_charge_now",
            "Tu tarjeta se cobra hoy; si no podemos enviar antes del {date}, puedes cancelar con reembolso "
            "completo."},
       }},
      {"pl",
       {
           {"in_stock", "W magazynie"},
           {"in_stock_short", "W magazynie"},
           {"low_stock",
            "{count, plural, one {Została tylko # sztuka} few {Zostały tylko # sztuki} many {Zostało tylko # "
            "sztuk} "
            "other {Zostało tylko # sztuki}}"},
           {"low_stock_short",
            "{count, plural, one {# sztuka} few {# sztuki} many {# sztuk} other {# sztuki}}"},
           {"backorder",
            "Na zamówienie – wysyłka w ciągu {min_days, number}–{max_days, plural, one {# dnia} few {# dni} "
            "many {# "
            "dni} other {# dnia}}"},
           {"backorder_exact",
            "Na zamówienie – wysyłka w ciągu {max_days, plural, one {# dnia} few {# dni} many {# dni} other "
            "{# dnia}}"},
           {"backorder_business",
            "Na zamówienie – wysyłka w ciągu {min_days, number}–{max_days, plural, one {# dnia roboczego} "
            "few {# dni "
            "roboczych} many {# dni roboczych} other {# dnia roboczego}}"},
           {"backorder_business_exact",
            "Na zamówienie – wysyłka w ciągu {max_days, plural, one {# dnia roboczego} few {# dni roboczych} "
            "many {# "
            "dni roboczych} other {# dnia roboczego}}"},
           {"backorder_short", "Wysyłka {dates}"},
           {"preorder", "Przedsprzedaż – wysyłka {date}"},
           {"preorder_short", "Wysyłka {date}"},
           {"split",
            "{now_count, number} do wysyłki teraz, {later_count, number} na zamówienie (wysyłka {dates})"},
           {"out_of_stock", "Brak w magazynie"},
           {"out_of_stock_short", "Brak w magazynie"},
           {"discontinued", "Wycofany ze sprzedaży"},
           {"discontinued_short", "Wycofany"},
           {"disclosure_backorder",
            "{name}: {later, plural, one {# sztuka} few {# sztuki} many {# sztuk} other {# sztuki}} na "
            "zamówienie, przewidywana wysyłka {dates}."},
           {"disclosure_preorder", "{name} to przedsprzedaż, wysyłka {date}."},
           {"disclosure_ship_available",
            "Produkty dostępne wyślemy {now_dates}, resztę {later_dates} w {extra, plural, one {drugiej "
            "przesyłce} other {# kolejnych przesyłkach}}."},
           {"disclosure_ship_together", "Całe zamówienie wyślemy razem {dates}."},
           {"disclosure_cancellation",
            "Produkty na zamówienie możesz anulować w dowolnym momencie przed wysyłką, z pełnym zwrotem "
            "pieniędzy."},
           {"disclosure_charge_at_shipment", "Karta zostanie obciążona przy wysyłce każdej przesyłki."},
           {"disclosure_charge_now",
            "Karta zostanie obciążona dzisiaj; jeśli nie wyślemy do {date}, możesz anulować z pełnym "
            "zwrotem."},
       }},
      {"ja",
       {
           {"in_stock", "在庫あり"},
           {"in_stock_short", "在庫あり"},
           {"low_stock", "残り{count, number}点"},
           {"low_stock_short", "残り{count, number}点"},
           {"backorder", "お取り寄せ – {min_days, number}〜{max_days, number}日で発送"},
           {"backorder_exact", "お取り寄せ – {max_days, number}日で発送"},
           {"backorder_business", "お取り寄せ – {min_days, number}〜{max_days, number}営業日で発送"},
           {"backorder_business_exact", "お取り寄せ – {max_days, number}営業日で発送"},
           {"backorder_short", "{dates}発送"},
           {"preorder", "予約受付中 – {date}発送"},
           {"preorder_short", "{date}発送"},
           {"split", "{now_count, number}点は今すぐ発送、{later_count, number}点はお取り寄せ（{dates}発送）"},
           {"out_of_stock", "在庫切れ"},
           {"out_of_stock_short", "在庫切れ"},
           {"discontinued", "販売終了"},
           {"discontinued_short", "販売終了"},
           {"disclosure_backorder", "{name}（{later, number}点）はお取り寄せで、{dates}に発送予定です。"},
           {"disclosure_preorder", "{name}は予約商品で、{date}に発送します。"},
           {"disclosure_ship_available",
            "在庫のある商品は{now_dates}に発送し、残りは{later_dates}に別便（{extra, "
            "number}便）で発送します。"},
           {"disclosure_ship_together", "ご注文の商品はすべて{dates}にまとめて発送します。"},
           {"disclosure_cancellation",
            "お取り寄せ商品は発送前であればいつでもキャンセルでき、全額返金されます。"},
           {"disclosure_charge_at_shipment", "各配送の発送時にカードに請求されます。"},
           {"disclosure_charge_now",
            "本日カードに請求されます。{date}までに発送できない場合は、全額返金でキャンセルできます。"},
       }},
  };
  return all;
}

}  // namespace

const std::string* builtin_message(std::string_view language, std::string_view key) {
  if (key.starts_with("msg_")) return builtin_customer_message(language, key);
  if (key.starts_with("desk_")) return builtin_desk_message(language, key);
  const auto& all = catalogues();
  auto cat = all.find(language);
  if (cat == all.end()) return nullptr;
  auto msg = cat->second.find(key);
  return msg == cat->second.end() ? nullptr : &msg->second;
}

}  // namespace backorder::detail
