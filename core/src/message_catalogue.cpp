// The built-in customer messages (order confirmation, ETA update, delay, arrival, shipment, back in stock):
// ICU MessageFormat patterns per language, documented key by key in docs/messages.md. Kept apart from the
// label catalogue so each file holds one kind of text.
#include <map>

#include "catalogue.hpp"

namespace backorder::detail {
namespace {

using Catalogue = std::map<std::string, std::string, std::less<>>;

// Arguments: lines {name} {quantity} {dates} {date} {min_days} {max_days}, moved lines also {was} {now};
// order-level {order_id} {count} (lines concerned) {waiting} (lines waiting) {shop}; remedies {percent}
// {code} {max}, points {points}, refunds {amount}; shipments {carrier} {tracking}; links {label} {url}; back
// in stock {name} {available} {shop}. Plurals hold whole phrases in each branch, one plural per sentence, so
// translators see full sentences.
const std::map<std::string, Catalogue, std::less<>>& catalogues() {
  static const std::map<std::string, Catalogue, std::less<>> all = {
      {"en",
       {
           {"msg_greeting", "Hello {name},"},
           {"msg_greeting_anonymous", "Hello,"},
           {"msg_closing", "Thank you for shopping with {shop}."},
           {"msg_link", "{label}: {url}"},
           {"msg_line_ships_now",
            "{name} ({quantity, plural, one {# unit} other {# units}}): in stock, ships now"},
           {"msg_line_in_stock_together",
            "{name} ({quantity, plural, one {# unit} other {# units}}): in stock, ships with the rest of "
            "your "
            "order {dates}"},
           {"msg_line_backorder",
            "{name} ({quantity, plural, one {# unit} other {# units}}): on backorder, expected to ship "
            "{dates}"},
           {"msg_line_preorder",
            "{name} ({quantity, plural, one {# unit} other {# units}}): pre-order, expected to ship {dates}"},
           {"msg_line_moved",
            "{name} ({quantity, plural, one {# unit} other {# units}}): was expected to ship {was}, now "
            "{now}"},
           {"msg_line_item", "{name} ({quantity, plural, one {# unit} other {# units}})"},
           {"msg_confirmation_subject", "Your order {order_id} is confirmed"},
           {"msg_confirmation_intro",
            "Thank you for your order {order_id}. {waiting, plural, =0 {Everything is in stock and ships "
            "now:} "
            "one {One item is not in stock yet, so here is when each item ships:} other {# items are not in "
            "stock yet, so here is when each item ships:}}"},
           {"msg_strategy_ship_available",
            "You chose to receive the items in stock now; the rest follows in a separate shipment as soon as "
            "it is ready."},
           {"msg_strategy_ship_together",
            "You chose to receive everything together in one shipment, which leaves as soon as the last item "
            "is ready."},
           {"msg_cancel_anytime",
            "You can cancel any item that has not shipped yet, at any time, for a full refund."},
           {"msg_eta_update_subject",
            "{count, plural, one {A new shipping date} other {New shipping dates}} for your order "
            "{order_id}"},
           {"msg_eta_update_intro",
            "{count, plural, one {The expected shipping date of an item in your order {order_id} has "
            "changed:} "
            "other {The expected shipping dates of # items in your order {order_id} have changed:}}"},
           {"msg_eta_update_outro", "We will let you know if anything changes again."},
           {"msg_delay_subject",
            "{count, plural, one {We’re sorry: an item in your order {order_id} is delayed} other {We’re "
            "sorry: "
            "# items in your order {order_id} are delayed}}"},
           {"msg_delay_apology",
            "We’re sorry. {count, plural, one {This item in your order {order_id} will ship later than we "
            "promised:} other {These # items in your order {order_id} will ship later than we promised:}}"},
           {"msg_delay_options_heading", "Your options"},
           {"msg_option_wait",
            "Keep waiting: you don’t need to do anything, and we ship as soon as it arrives."},
           {"msg_option_cancel", "Cancel the delayed items for a full refund."},
           {"msg_option_alternative", "Switch to an in-stock alternative, which ships right away."},
           {"msg_remedies_heading", "To make up for the wait"},
           {"msg_remedy_free_expedited", "Free expedited shipping when your item arrives."},
           {"msg_remedy_discount", "{percent, number, ::percent} off your next purchase with code {code}."},
           {"msg_remedy_discount_automatic",
            "{percent, number, ::percent} off your next purchase, applied automatically."},
           {"msg_remedy_discount_capped",
            "{percent, number, ::percent} off your next purchase (up to {max}) with code {code}."},
           {"msg_remedy_discount_automatic_capped",
            "{percent, number, ::percent} off your next purchase (up to {max}), applied automatically."},
           {"msg_remedy_loyalty_points",
            "{points, plural, one {# loyalty point has} other {# loyalty points have}} been added to your "
            "account."},
           {"msg_remedy_partial_refund",
            "A refund of {amount} for the wait, to your original payment method."},
           {"msg_remedy_outreach", "A member of our team will contact you personally."},
           {"msg_arrived_subject",
            "{count, plural, one {Your item is in} other {Your items are in}}: order {order_id}"},
           {"msg_arrived_body",
            "{count, plural, one {Good news: the item you were waiting for has arrived and will ship "
            "shortly. "
            "We’ll send tracking details as soon as it leaves.} other {Good news: the # items you were "
            "waiting "
            "for have arrived and will ship shortly. We’ll send tracking details as soon as they leave.}}"},
           {"msg_shipped_subject", "Your order {order_id} is on its way"},
           {"msg_shipped_body",
            "{count, plural, one {This item from your order {order_id} has shipped:} other {These # items "
            "from "
            "your order {order_id} have shipped:}}"},
           {"msg_shipped_carrier", "Carrier: {carrier}"},
           {"msg_shipped_tracking", "Tracking number: {tracking}"},
           {"msg_track_link", "Track your package"},
           {"msg_back_in_stock_subject", "{name} is back in stock"},
           {"msg_back_in_stock_body",
            "Good news: {name} is back in stock, with {available, plural, one {# unit} other {# units}} "
            "available right now."},
           {"msg_back_in_stock_fcfs",
            "Other shoppers have been told too, and it’s first come, first served, so order soon if you "
            "still "
            "want it."},
           {"msg_back_in_stock_reason",
            "You’re receiving this because you asked {shop} to let you know when it was back."},
           {"msg_manage_link", "Manage your alerts or unsubscribe"},
           // FTC / EU delay notices and cancellations the ledger schedules (compliance_ledger.cpp).
           {"msg_notice_subject", "Your order {order_id} is delayed: please read your options"},
           {"msg_notice_intro",
            "We’re sorry: {count, plural, one {we cannot ship this item of your order {order_id} by "
            "{deadline}, the date we had to ship by:} other {we cannot ship these # items of your order "
            "{order_id} by {deadline}, the date we had to ship by:}}"},
           {"msg_notice_agree_intro",
            "We’re sorry: {count, plural, one {we cannot deliver this item of your order {order_id} by "
            "{deadline}, the delivery date we agreed:} other {we cannot deliver these # items of your order "
            "{order_id} by {deadline}, the delivery date we agreed:}}"},
           {"msg_notice_revised", "Our new expected shipping date is {revised}."},
           {"msg_notice_unknown", "We cannot give you a new shipping date yet: {reason}."},
           {"msg_notice_right_to_cancel",
            "You may cancel the delayed items now and get a prompt, full refund of what you paid, shipping "
            "included. Cancelling costs you nothing: just reply to this message."},
           {"msg_notice_silence",
            "If you are happy to wait until {revised}, you don’t need to do anything: if we don’t hear from "
            "you, we take it that you agree to the new date."},
           {"msg_notice_consent_by",
            "Because the delay is long, we need your agreement to wait: if you don’t tell us by {date} that "
            "you agree, we will cancel the delayed items and refund them in full."},
           {"msg_notice_consent",
            "We need your agreement to wait: if you don’t tell us that you agree, we will cancel the delayed "
            "items and refund them in full."},
           {"msg_notice_agree_ask",
            "Please tell us whether you agree to the new date. If you don’t, you may cancel the delayed "
            "items for a full refund."},
           {"msg_cancelled_subject", "Your order {order_id}: cancelled and refunded"},
           {"msg_cancelled_auto",
            "{count, plural, one {We could not ship this item of your order {order_id} in time and did not "
            "receive your agreement to wait, so we have cancelled it:} other {We could not ship these # "
            "items of your order {order_id} in time and did not receive your agreement to wait, so we have "
            "cancelled them:}}"},
           {"msg_cancelled_buyer",
            "{count, plural, one {As you asked, we have cancelled this item of your order {order_id}:} other "
            "{As you asked, we have cancelled these # items of your order {order_id}:}}"},
           {"msg_cancelled_refund", "You will receive a refund of {amount} by {date}."},
           {"msg_cancelled_refund_full",
            "You will receive a full refund of what you paid for them, shipping included."},
       }},
      {"de",
       {
           {"msg_greeting", "Guten Tag {name},"},
           {"msg_greeting_anonymous", "Guten Tag,"},
           {"msg_closing", "Vielen Dank für Ihren Einkauf bei {shop}."},
           {"msg_link", "{label}: {url}"},
           {"msg_line_ships_now", "{name} ({quantity, number} Stück): auf Lager, wird sofort versandt"},
           {"msg_line_in_stock_together",
            "{name} ({quantity, number} Stück): auf Lager, wird zusammen mit dem Rest Ihrer Bestellung "
            "{dates} "
            "versandt"},
           {"msg_line_backorder",
            "{name} ({quantity, number} Stück): nachbestellt, voraussichtlicher Versand {dates}"},
           {"msg_line_preorder",
            "{name} ({quantity, number} Stück): vorbestellt, voraussichtlicher Versand {dates}"},
           {"msg_line_moved", "{name} ({quantity, number} Stück): Versand bisher {was}, jetzt {now}"},
           {"msg_line_item", "{name} ({quantity, number} Stück)"},
           {"msg_confirmation_subject", "Ihre Bestellung {order_id} ist bestätigt"},
           {"msg_confirmation_intro",
            "Vielen Dank für Ihre Bestellung {order_id}. {waiting, plural, =0 {Alles ist auf Lager und wird "
            "sofort versandt:} one {Ein Artikel ist noch nicht auf Lager. So wird jeder Artikel versandt:} "
            "other "
            "{# Artikel sind noch nicht auf Lager. So wird jeder Artikel versandt:}}"},
           {"msg_strategy_ship_available",
            "Sie haben gewählt, die vorrätigen Artikel sofort zu erhalten; der Rest folgt in einer eigenen "
            "Sendung, sobald er bereit ist."},
           {"msg_strategy_ship_together",
            "Sie haben gewählt, alles zusammen in einer Sendung zu erhalten; sie geht auf den Weg, sobald "
            "der "
            "letzte Artikel bereit ist."},
           {"msg_cancel_anytime",
            "Sie können noch nicht versandte Artikel jederzeit stornieren und erhalten den vollen Betrag "
            "zurück."},
           {"msg_eta_update_subject",
            "{count, plural, one {Neuer Versandtermin} other {Neue Versandtermine}} für Ihre Bestellung "
            "{order_id}"},
           {"msg_eta_update_intro",
            "{count, plural, one {Der voraussichtliche Versandtermin eines Artikels Ihrer Bestellung "
            "{order_id} "
            "hat sich geändert:} other {Die voraussichtlichen Versandtermine von # Artikeln Ihrer Bestellung "
            "{order_id} haben sich geändert:}}"},
           {"msg_eta_update_outro", "Wir informieren Sie, falls sich noch etwas ändert."},
           {"msg_delay_subject",
            "{count, plural, one {Entschuldigung: Ein Artikel Ihrer Bestellung {order_id} verzögert sich} "
            "other {Entschuldigung: # Artikel Ihrer Bestellung {order_id} verzögern sich}}"},
           {"msg_delay_apology",
            "Es tut uns leid. {count, plural, one {Dieser Artikel Ihrer Bestellung {order_id} wird später "
            "versandt als zugesagt:} other {Diese # Artikel Ihrer Bestellung {order_id} werden später "
            "versandt "
            "als zugesagt:}}"},
           {"msg_delay_options_heading", "Ihre Möglichkeiten"},
           {"msg_option_wait",
            "Weiter warten: Sie müssen nichts tun, wir versenden, sobald die Ware eintrifft."},
           {"msg_option_cancel", "Die verspäteten Artikel stornieren und den vollen Betrag zurückerhalten."},
           {"msg_option_alternative", "Einen vorrätigen Ersatzartikel wählen, der sofort versandt wird."},
           {"msg_remedies_heading", "Als Ausgleich für die Wartezeit"},
           {"msg_remedy_free_expedited", "Kostenloser Expressversand, sobald Ihr Artikel eintrifft."},
           {"msg_remedy_discount",
            "{percent, number, ::percent} Rabatt auf Ihren nächsten Einkauf mit dem Code {code}."},
           {"msg_remedy_discount_automatic",
            "{percent, number, ::percent} Rabatt auf Ihren nächsten Einkauf, automatisch abgezogen."},
           {"msg_remedy_discount_capped",
            "{percent, number, ::percent} Rabatt (bis zu {max}) auf Ihren nächsten Einkauf mit dem Code "
            "{code}."},
           {"msg_remedy_discount_automatic_capped",
            "{percent, number, ::percent} Rabatt (bis zu {max}) auf Ihren nächsten Einkauf, automatisch "
            "abgezogen."},
           {"msg_remedy_loyalty_points",
            "{points, plural, one {# Treuepunkt wurde} other {# Treuepunkte wurden}} Ihrem Konto "
            "gutgeschrieben."},
           {"msg_remedy_partial_refund",
            "Eine Erstattung von {amount} für die Wartezeit, auf Ihr ursprüngliches Zahlungsmittel."},
           {"msg_remedy_outreach", "Jemand aus unserem Team meldet sich persönlich bei Ihnen."},
           {"msg_arrived_subject",
            "{count, plural, one {Ihr Artikel ist da} other {Ihre Artikel sind da}}: Bestellung {order_id}"},
           {"msg_arrived_body",
            "{count, plural, one {Gute Nachricht: Der Artikel, auf den Sie gewartet haben, ist eingetroffen "
            "und "
            "wird in Kürze versandt. Die Sendungsverfolgung schicken wir Ihnen, sobald er unterwegs ist.} "
            "other "
            "{Gute Nachricht: Die # Artikel, auf die Sie gewartet haben, sind eingetroffen und werden in "
            "Kürze "
            "versandt. Die Sendungsverfolgung schicken wir Ihnen, sobald sie unterwegs sind.}}"},
           {"msg_shipped_subject", "Ihre Bestellung {order_id} ist unterwegs"},
           {"msg_shipped_body",
            "{count, plural, one {Dieser Artikel Ihrer Bestellung {order_id} wurde versandt:} other {Diese # "
            "Artikel Ihrer Bestellung {order_id} wurden versandt:}}"},
           {"msg_shipped_carrier", "Versanddienst: {carrier}"},
           {"msg_shipped_tracking", "Sendungsnummer: {tracking}"},
           {"msg_track_link", "Sendung verfolgen"},
           {"msg_back_in_stock_subject", "{name} ist wieder auf Lager"},
           {"msg_back_in_stock_body",
            "Gute Nachricht: {name} ist wieder auf Lager, {available, plural, one {# Stück ist} other {# "
            "Stück "
            "sind}} sofort verfügbar."},
           {"msg_back_in_stock_fcfs",
            "Auch andere Kunden wurden benachrichtigt, und wer zuerst bestellt, bekommt zuerst. Bestellen "
            "Sie "
            "also bald, wenn Sie den Artikel noch möchten."},
           {"msg_back_in_stock_reason",
            "Sie erhalten diese Nachricht, weil Sie {shop} gebeten haben, Sie zu benachrichtigen."},
           {"msg_manage_link", "Benachrichtigungen verwalten oder abbestellen"},
           // FTC / EU delay notices and cancellations the ledger schedules (compliance_ledger.cpp).
           {"msg_notice_subject", "Ihre Bestellung {order_id} verzögert sich: Ihre Möglichkeiten"},
           {"msg_notice_intro",
            "Es tut uns leid: {count, plural, one {Diesen Artikel Ihrer Bestellung {order_id} können wir "
            "nicht bis zum {deadline} versenden, dem Datum, bis zu dem wir versenden mussten:} other {Diese "
            "# Artikel Ihrer Bestellung {order_id} können wir nicht bis zum {deadline} versenden, dem Datum, "
            "bis zu dem wir versenden mussten:}}"},
           {"msg_notice_agree_intro",
            "Es tut uns leid: {count, plural, one {Diesen Artikel Ihrer Bestellung {order_id} können wir "
            "nicht bis zum vereinbarten Liefertermin, dem {deadline}, liefern:} other {Diese # Artikel Ihrer "
            "Bestellung {order_id} können wir nicht bis zum vereinbarten Liefertermin, dem {deadline}, "
            "liefern:}}"},
           {"msg_notice_revised", "Unser neuer voraussichtlicher Versandtermin ist der {revised}."},
           {"msg_notice_unknown", "Einen neuen Versandtermin können wir noch nicht nennen: {reason}."},
           {"msg_notice_right_to_cancel",
            "Sie können die verspäteten Artikel jetzt stornieren und erhalten umgehend den vollen Betrag "
            "zurück, einschließlich Versand. Die Stornierung kostet Sie nichts: Antworten Sie einfach auf "
            "diese Nachricht."},
           {"msg_notice_silence",
            "Wenn Sie bis zum {revised} warten möchten, müssen Sie nichts tun: Hören wir nichts von Ihnen, "
            "gehen wir davon aus, dass Sie mit dem neuen Termin einverstanden sind."},
           {"msg_notice_consent_by",
            "Da die Verzögerung lang ist, brauchen wir Ihr Einverständnis: Teilen Sie uns bis zum {date} "
            "nicht mit, dass Sie warten möchten, stornieren wir die verspäteten Artikel und erstatten den "
            "vollen Betrag."},
           {"msg_notice_consent",
            "Wir brauchen Ihr Einverständnis, dass Sie warten: Ohne Ihre Zustimmung stornieren wir die "
            "verspäteten Artikel und erstatten den vollen Betrag."},
           {"msg_notice_agree_ask",
            "Bitte teilen Sie uns mit, ob Sie mit dem neuen Termin einverstanden sind. Andernfalls können "
            "Sie die verspäteten Artikel stornieren und erhalten den vollen Betrag zurück."},
           {"msg_cancelled_subject", "Ihre Bestellung {order_id}: storniert und erstattet"},
           {"msg_cancelled_auto",
            "{count, plural, one {Diesen Artikel Ihrer Bestellung {order_id} konnten wir nicht rechtzeitig "
            "versenden, und Ihr Einverständnis zu warten lag nicht vor. Wir haben ihn daher storniert:} "
            "other {Diese # Artikel Ihrer Bestellung {order_id} konnten wir nicht rechtzeitig versenden, und "
            "Ihr Einverständnis zu warten lag nicht vor. Wir haben sie daher storniert:}}"},
           {"msg_cancelled_buyer",
            "{count, plural, one {Wie gewünscht haben wir diesen Artikel Ihrer Bestellung {order_id} "
            "storniert:} other {Wie gewünscht haben wir diese # Artikel Ihrer Bestellung {order_id} "
            "storniert:}}"},
           {"msg_cancelled_refund", "Sie erhalten {amount} bis zum {date} zurück."},
           {"msg_cancelled_refund_full",
            "Sie erhalten den vollen Betrag, den Sie dafür bezahlt haben, einschließlich Versand, zurück."},
       }},
      {"fr",
       {
           {"msg_greeting", "Bonjour {name},"},
           {"msg_greeting_anonymous", "Bonjour,"},
           {"msg_closing", "Merci pour votre achat chez {shop}."},
           {"msg_link", "{label} : {url}"},
           {"msg_line_ships_now",
            "{name} ({quantity, plural, one {# article} other {# articles}}) : en stock, expédié maintenant"},
           {"msg_line_in_stock_together",
            "{name} ({quantity, plural, one {# article} other {# articles}}) : en stock, expédié avec le "
            "reste "
            "de votre commande {dates}"},
           {"msg_line_backorder",
            "{name} ({quantity, plural, one {# article} other {# articles}}) : en réapprovisionnement, "
            "expédition prévue {dates}"},
           {"msg_line_preorder",
            "{name} ({quantity, plural, one {# article} other {# articles}}) : en précommande, expédition "
            "prévue {dates}"},
           {"msg_line_moved",
            "{name} ({quantity, plural, one {# article} other {# articles}}) : expédition prévue {was}, "
            "désormais {now}"},
           {"msg_line_item", "{name} ({quantity, plural, one {# article} other {# articles}})"},
           {"msg_confirmation_subject", "Votre commande {order_id} est confirmée"},
           {"msg_confirmation_intro",
            "Merci pour votre commande {order_id}. {waiting, plural, =0 {Tout est en stock et expédié "
            "maintenant :} one {Un article n’est pas encore en stock ; voici quand chaque article sera "
            "expédié :} other {# articles ne sont pas encore en stock ; voici quand chaque article sera "
            "expédié :}}"},
           {"msg_strategy_ship_available",
            "Vous avez choisi de recevoir maintenant les articles en stock ; le reste suivra dans un envoi "
            "séparé dès qu’il sera prêt."},
           {"msg_strategy_ship_together",
            "Vous avez choisi de tout recevoir en un seul envoi, qui partira dès que le dernier article sera "
            "prêt."},
           {"msg_cancel_anytime",
            "Vous pouvez annuler à tout moment les articles pas encore expédiés, avec remboursement "
            "intégral."},
           {"msg_eta_update_subject",
            "{count, plural, one {Nouvelle date d’expédition} other {Nouvelles dates d’expédition}} pour "
            "votre "
            "commande {order_id}"},
           {"msg_eta_update_intro",
            "{count, plural, one {La date d’expédition prévue d’un article de votre commande {order_id} a "
            "changé :} other {Les dates d’expédition prévues de # articles de votre commande {order_id} ont "
            "changé :}}"},
           {"msg_eta_update_outro", "Nous vous préviendrons si quelque chose change encore."},
           {"msg_delay_subject",
            "{count, plural, one {Toutes nos excuses : un article de votre commande {order_id} est retardé} "
            "other {Toutes nos excuses : # articles de votre commande {order_id} sont retardés}}"},
           {"msg_delay_apology",
            "Nous sommes désolés. {count, plural, one {Cet article de votre commande {order_id} sera expédié "
            "plus tard que promis :} other {Ces # articles de votre commande {order_id} seront expédiés plus "
            "tard que promis :}}"},
           {"msg_delay_options_heading", "Vos options"},
           {"msg_option_wait",
            "Continuer d’attendre : vous n’avez rien à faire, nous expédions dès réception."},
           {"msg_option_cancel", "Annuler les articles retardés, avec remboursement intégral."},
           {"msg_option_alternative", "Choisir un article de remplacement en stock, expédié tout de suite."},
           {"msg_remedies_heading", "Pour compenser l’attente"},
           {"msg_remedy_free_expedited", "La livraison express offerte dès l’arrivée de votre article."},
           {"msg_remedy_discount",
            "{percent, number, ::percent} de réduction sur votre prochain achat avec le code {code}."},
           {"msg_remedy_discount_automatic",
            "{percent, number, ::percent} de réduction sur votre prochain achat, appliquée automatiquement."},
           {"msg_remedy_discount_capped",
            "{percent, number, ::percent} de réduction (jusqu’à {max}) sur votre prochain achat avec le code "
            "{code}."},
           {"msg_remedy_discount_automatic_capped",
            "{percent, number, ::percent} de réduction (jusqu’à {max}) sur votre prochain achat, appliquée "
            "automatiquement."},
           {"msg_remedy_loyalty_points",
            "{points, plural, one {# point de fidélité a été ajouté} many {# points de fidélité ont été "
            "ajoutés} other {# points de fidélité ont été ajoutés}} à votre compte."},
           {"msg_remedy_partial_refund",
            "Un remboursement de {amount} pour l’attente, sur votre moyen de paiement d’origine."},
           {"msg_remedy_outreach", "Un membre de notre équipe vous contactera personnellement."},
           {"msg_arrived_subject",
            "{count, plural, one {Votre article est arrivé} other {Vos articles sont arrivés}} : commande "
            "{order_id}"},
           {"msg_arrived_body",
            "{count, plural, one {Bonne nouvelle : l’article que vous attendiez est arrivé et sera expédié "
            "sous "
            "peu. Nous vous enverrons le suivi dès son départ.} other {Bonne nouvelle : les # articles que "
            "vous "
            "attendiez sont arrivés et seront expédiés sous peu. Nous vous enverrons le suivi dès leur "
            "départ.}}"},
           {"msg_shipped_subject", "Votre commande {order_id} est en route"},
           {"msg_shipped_body",
            "{count, plural, one {Cet article de votre commande {order_id} a été expédié :} other {Ces # "
            "articles de votre commande {order_id} ont été expédiés :}}"},
           {"msg_shipped_carrier", "Transporteur : {carrier}"},
           {"msg_shipped_tracking", "Numéro de suivi : {tracking}"},
           {"msg_track_link", "Suivre votre colis"},
           {"msg_back_in_stock_subject", "{name} est de nouveau en stock"},
           {"msg_back_in_stock_body",
            "Bonne nouvelle : {name} est de nouveau en stock, avec {available, plural, one {# article "
            "disponible} other {# articles disponibles}} dès maintenant."},
           {"msg_back_in_stock_fcfs",
            "D’autres clients ont aussi été prévenus et les premiers arrivés seront les premiers servis : "
            "commandez vite si l’article vous intéresse toujours."},
           {"msg_back_in_stock_reason",
            "Vous recevez ce message car vous avez demandé à {shop} de vous prévenir de son retour."},
           {"msg_manage_link", "Gérer vos alertes ou vous désabonner"},
           // FTC / EU delay notices and cancellations the ledger schedules (compliance_ledger.cpp).
           {"msg_notice_subject", "Votre commande {order_id} est retardée : vos options"},
           {"msg_notice_intro",
            "Nous sommes désolés : {count, plural, one {nous ne pouvons pas expédier cet article de votre "
            "commande {order_id} d’ici le {deadline}, la date limite d’expédition :} other {nous ne pouvons "
            "pas expédier ces # articles de votre commande {order_id} d’ici le {deadline}, la date limite "
            "d’expédition :}}"},
           {"msg_notice_agree_intro",
            "Nous sommes désolés : {count, plural, one {nous ne pouvons pas livrer cet article de votre "
            "commande {order_id} d’ici le {deadline}, la date de livraison convenue :} other {nous ne "
            "pouvons pas livrer ces # articles de votre commande {order_id} d’ici le {deadline}, la date de "
            "livraison convenue :}}"},
           {"msg_notice_revised", "Notre nouvelle date d’expédition prévue est le {revised}."},
           {"msg_notice_unknown",
            "Nous ne pouvons pas encore vous donner de nouvelle date d’expédition : {reason}."},
           {"msg_notice_right_to_cancel",
            "Vous pouvez annuler dès maintenant les articles retardés et être remboursé rapidement et "
            "intégralement, frais de port compris. L’annulation ne vous coûte rien : il suffit de répondre à "
            "ce message."},
           {"msg_notice_silence",
            "Si vous acceptez d’attendre jusqu’au {revised}, vous n’avez rien à faire : sans réponse de "
            "votre part, nous considérons que vous acceptez la nouvelle date."},
           {"msg_notice_consent_by",
            "Le retard étant important, nous avons besoin de votre accord pour attendre : si vous ne nous "
            "confirmez pas votre accord d’ici le {date}, nous annulerons les articles retardés et les "
            "rembourserons intégralement."},
           {"msg_notice_consent",
            "Nous avons besoin de votre accord pour attendre : sans votre accord, nous annulerons les "
            "articles retardés et les rembourserons intégralement."},
           {"msg_notice_agree_ask",
            "Merci de nous dire si vous acceptez la nouvelle date. Sinon, vous pouvez annuler les articles "
            "retardés et être remboursé intégralement."},
           {"msg_cancelled_subject", "Votre commande {order_id} : annulée et remboursée"},
           {"msg_cancelled_auto",
            "{count, plural, one {Nous n’avons pas pu expédier à temps cet article de votre commande "
            "{order_id} et n’avons pas reçu votre accord pour attendre : nous l’avons donc annulé :} other "
            "{Nous n’avons pas pu expédier à temps ces # articles de votre commande {order_id} et n’avons "
            "pas reçu votre accord pour attendre : nous les avons donc annulés :}}"},
           {"msg_cancelled_buyer",
            "{count, plural, one {Comme vous l’avez demandé, nous avons annulé cet article de votre commande "
            "{order_id} :} other {Comme vous l’avez demandé, nous avons annulé ces # articles de votre "
            "commande {order_id} :}}"},
           {"msg_cancelled_refund", "Vous serez remboursé de {amount} d’ici le {date}."},
           {"msg_cancelled_refund_full",
            "Vous serez remboursé intégralement de ce que vous avez payé pour ces articles, frais de port "
            "compris."},
       }},
      {"es",
       {
           {"msg_greeting", "Hola, {name}:"},
           {"msg_greeting_anonymous", "Hola:"},
           {"msg_closing", "Gracias por comprar en {shop}."},
           {"msg_link", "{label}: {url}"},
           {"msg_line_ships_now",
            "{name} ({quantity, plural, one {# unidad} other {# unidades}}): en stock, se envía ahora"},
           {"msg_line_in_stock_together",
            "{name} ({quantity, plural, one {# unidad} other {# unidades}}): en stock, se envía junto con el "
            "resto de tu pedido {dates}"},
           {"msg_line_backorder",
            "{name} ({quantity, plural, one {# unidad} other {# unidades}}): bajo pedido, envío previsto "
            "{dates}"},
           {"msg_line_preorder",
            "{name} ({quantity, plural, one {# unidad} other {# unidades}}): en preventa, envío previsto "
            "{dates}"},
           {"msg_line_moved",
            "{name} ({quantity, plural, one {# unidad} other {# unidades}}): envío previsto antes {was}, "
            "ahora "
            "{now}"},
           {"msg_line_item", "{name} ({quantity, plural, one {# unidad} other {# unidades}})"},
           {"msg_confirmation_subject", "Tu pedido {order_id} está confirmado"},
           {"msg_confirmation_intro",
            "Gracias por tu pedido {order_id}. {waiting, plural, =0 {Todo está en stock y se envía ahora:} "
            "one "
            "{Un artículo aún no está en stock; así se envía cada artículo:} other {# artículos aún no están "
            "en "
            "stock; así se envía cada artículo:}}"},
           {"msg_strategy_ship_available",
            "Elegiste recibir ahora los artículos en stock; el resto llegará en un envío aparte en cuanto "
            "esté "
            "listo."},
           {"msg_strategy_ship_together",
            "Elegiste recibirlo todo junto en un solo envío, que sale en cuanto el último artículo esté "
            "listo."},
           {"msg_cancel_anytime",
            "Puedes cancelar en cualquier momento los artículos que aún no se hayan enviado, con reembolso "
            "completo."},
           {"msg_eta_update_subject",
            "{count, plural, one {Nueva fecha de envío} other {Nuevas fechas de envío}} para tu pedido "
            "{order_id}"},
           {"msg_eta_update_intro",
            "{count, plural, one {Ha cambiado la fecha de envío prevista de un artículo de tu pedido "
            "{order_id}:} other {Han cambiado las fechas de envío previstas de # artículos de tu pedido "
            "{order_id}:}}"},
           {"msg_eta_update_outro", "Te avisaremos si algo vuelve a cambiar."},
           {"msg_delay_subject",
            "{count, plural, one {Lo sentimos: un artículo de tu pedido {order_id} se retrasa} other {Lo "
            "sentimos: # artículos de tu pedido {order_id} se retrasan}}"},
           {"msg_delay_apology",
            "Lo sentimos mucho. {count, plural, one {Este artículo de tu pedido {order_id} se enviará más "
            "tarde "
            "de lo prometido:} other {Estos # artículos de tu pedido {order_id} se enviarán más tarde de lo "
            "prometido:}}"},
           {"msg_delay_options_heading", "Tus opciones"},
           {"msg_option_wait", "Seguir esperando: no tienes que hacer nada; lo enviamos en cuanto llegue."},
           {"msg_option_cancel", "Cancelar los artículos retrasados, con reembolso completo."},
           {"msg_option_alternative", "Cambiar a una alternativa en stock, que se envía de inmediato."},
           {"msg_remedies_heading", "Para compensar la espera"},
           {"msg_remedy_free_expedited", "Envío exprés gratis cuando llegue tu artículo."},
           {"msg_remedy_discount",
            "{percent, number, ::percent} de descuento en tu próxima compra con el código {code}."},
           {"msg_remedy_discount_automatic",
            "{percent, number, ::percent} de descuento en tu próxima compra, aplicado automáticamente."},
           {"msg_remedy_discount_capped",
            "{percent, number, ::percent} de descuento (hasta {max}) en tu próxima compra con el código "
            "{code}."},
           {"msg_remedy_discount_automatic_capped",
            "{percent, number, ::percent} de descuento (hasta {max}) en tu próxima compra, aplicado "
            "automáticamente."},
           {"msg_remedy_loyalty_points",
            "{points, plural, one {Hemos añadido # punto de fidelidad} other {Hemos añadido # puntos de "
            "fidelidad}} a tu cuenta."},
           {"msg_remedy_partial_refund",
            "Un reembolso de {amount} por la espera, a tu método de pago original."},
           {"msg_remedy_outreach",
            "Una persona de nuestro equipo se pondrá en contacto contigo personalmente."},
           {"msg_arrived_subject",
            "{count, plural, one {Tu artículo ya llegó} other {Tus artículos ya llegaron}}: pedido "
            "{order_id}"},
           {"msg_arrived_body",
            "{count, plural, one {Buenas noticias: el artículo que esperabas ha llegado y se enviará en "
            "breve. "
            "Te mandaremos el seguimiento en cuanto salga.} other {Buenas noticias: los # artículos que "
            "esperabas han llegado y se enviarán en breve. Te mandaremos el seguimiento en cuanto salgan.}}"},
           {"msg_shipped_subject", "Tu pedido {order_id} está en camino"},
           {"msg_shipped_body",
            "{count, plural, one {Este artículo de tu pedido {order_id} ya se envió:} other {Estos # "
            "artículos "
            "de tu pedido {order_id} ya se enviaron:}}"},
           {"msg_shipped_carrier", "Transportista: {carrier}"},
           {"msg_shipped_tracking", "Número de seguimiento: {tracking}"},
           {"msg_track_link", "Seguir tu paquete"},
           {"msg_back_in_stock_subject", "{name} vuelve a estar en stock"},
           {"msg_back_in_stock_body",
            "Buenas noticias: {name} vuelve a estar en stock, con {available, plural, one {# unidad "
            "disponible} "
            "other {# unidades disponibles}} ahora mismo."},
           {"msg_back_in_stock_fcfs",
            "También avisamos a otros clientes y se vende por orden de llegada, así que haz tu pedido pronto "
            "si "
            "todavía lo quieres."},
           {"msg_back_in_stock_reason", "Recibes este mensaje porque pediste a {shop} que te avisara."},
           {"msg_manage_link", "Gestionar tus avisos o darte de baja"},
           // FTC / EU delay notices and cancellations the ledger schedules (compliance_ledger.cpp).
           {"msg_notice_subject", "Tu pedido {order_id} se retrasa: tus opciones"},
           {"msg_notice_intro",
            "Lo sentimos: {count, plural, one {no podemos enviar este artículo de tu pedido {order_id} "
            "dentro del plazo, que vence el {deadline}:} other {no podemos enviar estos # artículos de tu "
            "pedido {order_id} dentro del plazo, que vence el {deadline}:}}"},
           {"msg_notice_agree_intro",
            "Lo sentimos: {count, plural, one {no podemos entregar este artículo de tu pedido {order_id} en "
            "la fecha de entrega acordada, el {deadline}:} other {no podemos entregar estos # artículos de "
            "tu pedido {order_id} en la fecha de entrega acordada, el {deadline}:}}"},
           {"msg_notice_revised", "Nuestra nueva fecha de envío prevista es el {revised}."},
           {"msg_notice_unknown", "Todavía no podemos darte una nueva fecha de envío: {reason}."},
           {"msg_notice_right_to_cancel",
            "Puedes cancelar ahora los artículos retrasados y recibir un reembolso completo y rápido de lo "
            "que pagaste, envío incluido. Cancelar no te cuesta nada: basta con responder a este mensaje."},
           {"msg_notice_silence",
            "Si te parece bien esperar hasta el {revised}, no tienes que hacer nada: si no sabemos de ti, "
            "entendemos que aceptas la nueva fecha."},
           {"msg_notice_consent_by",
            "Como el retraso es largo, necesitamos tu conformidad para esperar: si no nos confirmas a más "
            "tardar el {date} que estás de acuerdo, cancelaremos los artículos retrasados y te "
            "reembolsaremos el importe completo."},
           {"msg_notice_consent",
            "Necesitamos tu conformidad para esperar: si no nos confirmas que estás de acuerdo, cancelaremos "
            "los artículos retrasados y te reembolsaremos el importe completo."},
           {"msg_notice_agree_ask",
            "Dinos, por favor, si aceptas la nueva fecha. Si no, puedes cancelar los artículos retrasados "
            "con reembolso completo."},
           {"msg_cancelled_subject", "Tu pedido {order_id}: cancelado y reembolsado"},
           {"msg_cancelled_auto",
            "{count, plural, one {No pudimos enviar a tiempo este artículo de tu pedido {order_id} y no "
            "recibimos tu conformidad para esperar, así que lo hemos cancelado:} other {No pudimos enviar a "
            "tiempo estos # artículos de tu pedido {order_id} y no recibimos tu conformidad para esperar, "
            "así que los hemos cancelado:}}"},
           {"msg_cancelled_buyer",
            "{count, plural, one {Como nos pediste, hemos cancelado este artículo de tu pedido {order_id}:} "
            "other {Como nos pediste, hemos cancelado estos # artículos de tu pedido {order_id}:}}"},
           {"msg_cancelled_refund", "Recibirás un reembolso de {amount} a más tardar el {date}."},
           {"msg_cancelled_refund_full",
            "Recibirás el reembolso completo de lo que pagaste por ellos, envío incluido."},
       }},
      {"pl",
       {
           {"msg_greeting", "Dzień dobry {name},"},
           {"msg_greeting_anonymous", "Dzień dobry,"},
           {"msg_closing", "Dziękujemy za zakupy w {shop}."},
           {"msg_link", "{label}: {url}"},
           {"msg_line_ships_now",
            "{name} ({quantity, plural, one {# sztuka} few {# sztuki} many {# sztuk} other {# sztuki}}): w "
            "magazynie, wysyłka od razu"},
           {"msg_line_in_stock_together",
            "{name} ({quantity, plural, one {# sztuka} few {# sztuki} many {# sztuk} other {# sztuki}}): w "
            "magazynie, wysyłka razem z resztą zamówienia {dates}"},
           {"msg_line_backorder",
            "{name} ({quantity, plural, one {# sztuka} few {# sztuki} many {# sztuk} other {# sztuki}}): na "
            "zamówienie, przewidywana wysyłka {dates}"},
           {"msg_line_preorder",
            "{name} ({quantity, plural, one {# sztuka} few {# sztuki} many {# sztuk} other {# sztuki}}): "
            "przedsprzedaż, przewidywana wysyłka {dates}"},
           {"msg_line_moved",
            "{name} ({quantity, plural, one {# sztuka} few {# sztuki} many {# sztuk} other {# sztuki}}): "
            "wysyłka miała być {was}, teraz {now}"},
           {"msg_line_item",
            "{name} ({quantity, plural, one {# sztuka} few {# sztuki} many {# sztuk} other {# sztuki}})"},
           {"msg_confirmation_subject", "Twoje zamówienie {order_id} zostało potwierdzone"},
           {"msg_confirmation_intro",
            "Dziękujemy za zamówienie {order_id}. {waiting, plural, =0 {Wszystko jest w magazynie i wysyłamy "
            "od razu:} one {Jednego produktu nie ma jeszcze w magazynie, dlatego podajemy termin wysyłki "
            "każdego "
            "produktu:} few {# produktów nie ma jeszcze w magazynie, dlatego podajemy termin wysyłki każdego "
            "produktu:} many {# produktów nie ma jeszcze w magazynie, dlatego podajemy termin wysyłki "
            "każdego "
            "produktu:} other {# produktu nie ma jeszcze w magazynie, dlatego podajemy termin wysyłki "
            "każdego "
            "produktu:}}"},
           {"msg_strategy_ship_available",
            "Wybrano wysyłkę dostępnych produktów od razu; reszta przyjdzie w osobnej przesyłce, gdy tylko "
            "będzie gotowa."},
           {"msg_strategy_ship_together",
            "Wybrano wysyłkę wszystkiego razem w jednej przesyłce, która wyjdzie, gdy ostatni produkt będzie "
            "gotowy."},
           {"msg_cancel_anytime",
            "Produkty, które nie zostały jeszcze wysłane, możesz anulować w dowolnym momencie z pełnym "
            "zwrotem "
            "pieniędzy."},
           {"msg_eta_update_subject",
            "{count, plural, one {Nowy termin wysyłki} other {Nowe terminy wysyłki}} zamówienia {order_id}"},
           {"msg_eta_update_intro",
            "{count, plural, one {Zmienił się przewidywany termin wysyłki jednego produktu z zamówienia "
            "{order_id}:} other {Zmieniły się przewidywane terminy wysyłki produktów z zamówienia {order_id} "
            "(#):}}"},
           {"msg_eta_update_outro", "Damy znać, jeśli coś jeszcze się zmieni."},
           {"msg_delay_subject",
            "{count, plural, one {Przepraszamy: produkt z zamówienia {order_id} się opóźni} few "
            "{Przepraszamy: "
            "# produkty z zamówienia {order_id} się opóźnią} many {Przepraszamy: # produktów z zamówienia "
            "{order_id} się opóźni} other {Przepraszamy: # produktu z zamówienia {order_id} się opóźni}}"},
           {"msg_delay_apology",
            "Bardzo przepraszamy. {count, plural, one {Ten produkt z zamówienia {order_id} wyślemy później, "
            "niż "
            "obiecaliśmy:} other {Te produkty z zamówienia {order_id} (#) wyślemy później, niż "
            "obiecaliśmy:}}"},
           {"msg_delay_options_heading", "Co możesz zrobić"},
           {"msg_option_wait", "Poczekać: nic nie musisz robić, wyślemy, gdy tylko towar dotrze."},
           {"msg_option_cancel", "Anulować opóźnione produkty z pełnym zwrotem pieniędzy."},
           {"msg_option_alternative", "Wybrać dostępny zamiennik, który wyślemy od razu."},
           {"msg_remedies_heading", "W ramach przeprosin za czekanie"},
           {"msg_remedy_free_expedited", "Darmowa wysyłka ekspresowa, gdy produkt dotrze."},
           {"msg_remedy_discount", "{percent, number, ::percent} zniżki na kolejne zakupy z kodem {code}."},
           {"msg_remedy_discount_automatic",
            "{percent, number, ::percent} zniżki na kolejne zakupy, naliczone automatycznie."},
           {"msg_remedy_discount_capped",
            "{percent, number, ::percent} zniżki (maksymalnie {max}) na kolejne zakupy z kodem {code}."},
           {"msg_remedy_discount_automatic_capped",
            "{percent, number, ::percent} zniżki (maksymalnie {max}) na kolejne zakupy, naliczone "
            "automatycznie."},
           {"msg_remedy_loyalty_points",
            "{points, plural, one {Na Twoje konto dodaliśmy # punkt lojalnościowy.} few {Na Twoje konto "
            "dodaliśmy # punkty lojalnościowe.} many {Na Twoje konto dodaliśmy # punktów lojalnościowych.} "
            "other {Na Twoje konto dodaliśmy # punktu lojalnościowego.}}"},
           {"msg_remedy_partial_refund", "Zwrot {amount} za czekanie, na Twoją pierwotną metodę płatności."},
           {"msg_remedy_outreach", "Osoba z naszego zespołu skontaktuje się z Tobą osobiście."},
           {"msg_arrived_subject",
            "{count, plural, one {Twój produkt już jest} other {Twoje produkty już są}}: zamówienie "
            "{order_id}"},
           {"msg_arrived_body",
            "{count, plural, one {Dobra wiadomość: produkt, na który czekasz, dotarł i wkrótce go wyślemy. "
            "Numer "
            "przesyłki prześlemy, gdy tylko wyjdzie.} other {Dobra wiadomość: produkty, na które czekasz "
            "(#), "
            "dotarły i wkrótce je wyślemy. Numer przesyłki prześlemy, gdy tylko wyjdą.}}"},
           {"msg_shipped_subject", "Twoje zamówienie {order_id} jest w drodze"},
           {"msg_shipped_body",
            "{count, plural, one {Wysłaliśmy ten produkt z zamówienia {order_id}:} other {Wysłaliśmy te "
            "produkty z zamówienia {order_id} (#):}}"},
           {"msg_shipped_carrier", "Przewoźnik: {carrier}"},
           {"msg_shipped_tracking", "Numer przesyłki: {tracking}"},
           {"msg_track_link", "Śledź przesyłkę"},
           {"msg_back_in_stock_subject", "{name} – znowu w magazynie"},
           {"msg_back_in_stock_body",
            "Dobra wiadomość: {name} znowu jest w magazynie, od razu {available, plural, one {dostępna jest "
            "# "
            "sztuka} few {dostępne są # sztuki} many {dostępnych jest # sztuk} other {dostępne jest # "
            "sztuki}}."},
           {"msg_back_in_stock_fcfs",
            "Powiadomiliśmy też innych klientów, a decyduje kolejność zamówień, więc jeśli nadal chcesz ten "
            "produkt, zamów szybko."},
           {"msg_back_in_stock_reason",
            "Otrzymujesz tę wiadomość, ponieważ zapisano Cię na powiadomienia o dostępności w {shop}."},
           {"msg_manage_link", "Zarządzaj powiadomieniami lub wypisz się"},
           // FTC / EU delay notices and cancellations the ledger schedules (compliance_ledger.cpp).
           {"msg_notice_subject", "Twoje zamówienie {order_id} jest opóźnione: co możesz zrobić"},
           {"msg_notice_intro",
            "Przepraszamy: {count, plural, one {nie możemy wysłać tego produktu z zamówienia {order_id} do "
            "{deadline}, czyli w wymaganym terminie wysyłki:} other {nie możemy wysłać tych # produktów z "
            "zamówienia {order_id} do {deadline}, czyli w wymaganym terminie wysyłki:}}"},
           {"msg_notice_agree_intro",
            "Przepraszamy: {count, plural, one {nie możemy dostarczyć tego produktu z zamówienia {order_id} "
            "w uzgodnionym terminie dostawy ({deadline}):} other {nie możemy dostarczyć tych # produktów z "
            "zamówienia {order_id} w uzgodnionym terminie dostawy ({deadline}):}}"},
           {"msg_notice_revised", "Nowy przewidywany termin wysyłki to {revised}."},
           {"msg_notice_unknown", "Nie możemy jeszcze podać nowego terminu wysyłki: {reason}."},
           {"msg_notice_right_to_cancel",
            "Możesz teraz anulować opóźnione produkty i szybko otrzymać pełny zwrot zapłaconej kwoty, "
            "łącznie z wysyłką. Anulowanie nic nie kosztuje: wystarczy odpowiedzieć na tę wiadomość."},
           {"msg_notice_silence",
            "Jeśli możesz poczekać do {revised}, nie musisz nic robić: jeśli się nie odezwiesz, uznamy, że "
            "akceptujesz nowy termin."},
           {"msg_notice_consent_by",
            "Ponieważ opóźnienie jest długie, potrzebujemy Twojej zgody na oczekiwanie: jeśli do {date} nie "
            "potwierdzisz, że się zgadzasz, anulujemy opóźnione produkty i zwrócimy pełną kwotę."},
           {"msg_notice_consent",
            "Potrzebujemy Twojej zgody na oczekiwanie: bez niej anulujemy opóźnione produkty i zwrócimy "
            "pełną kwotę."},
           {"msg_notice_agree_ask",
            "Daj nam znać, czy akceptujesz nowy termin. Jeśli nie, możesz anulować opóźnione produkty z "
            "pełnym zwrotem pieniędzy."},
           {"msg_cancelled_subject", "Twoje zamówienie {order_id}: anulowane, pieniądze zwrócone"},
           {"msg_cancelled_auto",
            "{count, plural, one {Nie udało nam się wysłać na czas tego produktu z zamówienia {order_id}, a "
            "nie otrzymaliśmy Twojej zgody na oczekiwanie, więc go anulowaliśmy:} other {Nie udało nam się "
            "wysłać na czas tych # produktów z zamówienia {order_id}, a nie otrzymaliśmy Twojej zgody na "
            "oczekiwanie, więc je anulowaliśmy:}}"},
           {"msg_cancelled_buyer",
            "{count, plural, one {Zgodnie z Twoją prośbą anulowaliśmy ten produkt z zamówienia {order_id}:} "
            "few {Zgodnie z Twoją prośbą anulowaliśmy te # produkty z zamówienia {order_id}:} other {Zgodnie "
            "z Twoją prośbą anulowaliśmy # produktów z zamówienia {order_id}:}}"},
           {"msg_cancelled_refund", "Zwrócimy Ci {amount} najpóźniej do {date}."},
           {"msg_cancelled_refund_full",
            "Zwrócimy Ci pełną kwotę zapłaconą za te produkty, łącznie z wysyłką."},
       }},
      {"ja",
       {
           {"msg_greeting", "{name}様"},
           {"msg_greeting_anonymous", "お客様"},
           {"msg_closing", "{shop}をご利用いただき、ありがとうございます。"},
           {"msg_link", "{label}：{url}"},
           {"msg_line_ships_now", "{name}（{quantity, number}点）：在庫あり、すぐに発送します"},
           {"msg_line_in_stock_together",
            "{name}（{quantity, number}点）：在庫あり、ほかの商品とまとめて{dates}に発送します"},
           {"msg_line_backorder", "{name}（{quantity, number}点）：お取り寄せ、{dates}に発送予定"},
           {"msg_line_preorder", "{name}（{quantity, number}点）：予約商品、{dates}に発送予定"},
           {"msg_line_moved", "{name}（{quantity, number}点）：発送予定日は{was}から{now}に変更になりました"},
           {"msg_line_item", "{name}（{quantity, number}点）"},
           {"msg_confirmation_subject", "ご注文（{order_id}）を承りました"},
           {"msg_confirmation_intro",
            "ご注文（{order_id}）ありがとうございます。{waiting, plural, =0 "
            "{すべての商品が在庫ありで、すぐに発送します。} other "
            "{#点の商品がまだ入荷していないため、各商品の発送予定をお知らせします。}}"},
           {"msg_strategy_ship_available",
            "在庫のある商品を先にお届けし、残りは準備ができ次第、別便で発送するお届け方法をお選びいただきまし"
            "た"
            "。"},
           {"msg_strategy_ship_together",
            "すべての商品をまとめて一度にお届けするお届け方法をお選びいただきました。最後の商品の準備ができ次"
            "第、"
            "発送します。"},
           {"msg_cancel_anytime", "未発送の商品はいつでもキャンセルでき、全額返金いたします。"},
           {"msg_eta_update_subject", "ご注文（{order_id}）の発送予定日変更のお知らせ"},
           {"msg_eta_update_intro",
            "ご注文（{order_id}）の商品{count, number}点の発送予定日が変更になりました。"},
           {"msg_eta_update_outro", "今後さらに変更があった場合は、改めてお知らせします。"},
           {"msg_delay_subject", "【お詫び】ご注文（{order_id}）の商品の発送遅延について"},
           {"msg_delay_apology",
            "誠に申し訳ございません。ご注文（{order_id}）の商品{count, "
            "number}点の発送が、お約束した日より遅れる見込みです。"},
           {"msg_delay_options_heading", "お選びいただける対応"},
           {"msg_option_wait", "そのまま待つ：お手続きは不要です。入荷次第すぐに発送します。"},
           {"msg_option_cancel", "遅れている商品をキャンセルする：全額返金いたします。"},
           {"msg_option_alternative", "在庫のある代替商品に変更する：すぐに発送します。"},
           {"msg_remedies_heading", "お待たせするお詫びとして"},
           {"msg_remedy_free_expedited", "入荷時の速達配送を無料にいたします。"},
           {"msg_remedy_discount",
            "次回のお買い物で{percent, number, ::percent}オフになるクーポンコード：{code}"},
           {"msg_remedy_discount_automatic",
            "次回のお買い物が自動的に{percent, number, ::percent}オフになります。"},
           {"msg_remedy_discount_capped",
            "次回のお買い物で{percent, number, ::percent}オフ（上限{max}）になるクーポンコード：{code}"},
           {"msg_remedy_discount_automatic_capped",
            "次回のお買い物が自動的に{percent, number, ::percent}オフ（上限{max}）になります。"},
           {"msg_remedy_loyalty_points", "{points, number}ポイントをお客様のアカウントに付与いたしました。"},
           {"msg_remedy_partial_refund",
            "お待たせしたお詫びとして、{amount}を元のお支払い方法に返金いたします。"},
           {"msg_remedy_outreach", "担当者より個別にご連絡いたします。"},
           {"msg_arrived_subject", "ご注文（{order_id}）の商品が入荷しました"},
           {"msg_arrived_body",
            "お待たせいたしました。商品{count, "
            "number}点が入荷しました。まもなく発送し、発送後に追跡情報をお送りします。"},
           {"msg_shipped_subject", "ご注文（{order_id}）の商品を発送しました"},
           {"msg_shipped_body", "ご注文（{order_id}）の次の商品を発送しました。"},
           {"msg_shipped_carrier", "配送業者：{carrier}"},
           {"msg_shipped_tracking", "追跡番号：{tracking}"},
           {"msg_track_link", "配送状況を確認する"},
           {"msg_back_in_stock_subject", "{name}が再入荷しました"},
           {"msg_back_in_stock_body",
            "{name}が再入荷しました。現在{available, number}点ご購入いただけます。"},
           {"msg_back_in_stock_fcfs",
            "ほかのお客様にもお知らせしており、先着順での販売となります。ご希望の方はお早めにご注文ください"
            "。"},
           {"msg_back_in_stock_reason",
            "このメールは、{shop}の再入荷通知にご登録いただいた方にお送りしています。"},
           {"msg_manage_link", "通知の設定・配信停止"},
           // FTC / EU delay notices and cancellations the ledger schedules (compliance_ledger.cpp).
           {"msg_notice_subject", "ご注文（{order_id}）の発送遅延とお手続きのご案内"},
           {"msg_notice_intro",
            "誠に申し訳ございません。ご注文（{order_id}）の商品{count, "
            "number}点を、発送期限の{deadline}までに発送できない見込みです。"},
           {"msg_notice_agree_intro",
            "誠に申し訳ございません。ご注文（{order_id}）の商品{count, "
            "number}点を、お約束したお届け日の{deadline}までにお届けできない見込みです。"},
           {"msg_notice_revised", "新しい発送予定日は{revised}です。"},
           {"msg_notice_unknown", "現時点では新しい発送予定日をお知らせできません（理由：{reason}）。"},
           {"msg_notice_right_to_cancel",
            "遅れている商品は今すぐキャンセルでき、お支払いいただいた代金を送料も含めて速やかに全額返金いたし"
            "ます。キャンセルの費用はかかりません。このメッセージにご返信ください。"},
           {"msg_notice_silence",
            "{revised}"
            "までお待ちいただける場合、お手続きは不要です。ご連絡がない場合は、新しい日程にご同意いただいたも"
            "のとみなします。"},
           {"msg_notice_consent_by",
            "遅延が長期にわたるため、お待ちいただくにはお客様の同意が必要です。{date}"
            "までに同意のご連絡がない場合、遅れている商品をキャンセルし、全額返金いたします。"},
           {"msg_notice_consent",
            "お待ちいただくにはお客様の同意が必要です。同意のご連絡がない場合、遅れている商品をキャンセルし、"
            "全額返金いたします。"},
           {"msg_notice_agree_ask",
            "新しい日程にご同意いただけるか、ご連絡ください。ご同意いただけない場合は、遅れている商品をキャン"
            "セルし、全額返金を受けることができます。"},
           {"msg_cancelled_subject", "ご注文（{order_id}）のキャンセルと返金のお知らせ"},
           {"msg_cancelled_auto",
            "ご注文（{order_id}）の商品{count, "
            "number}"
            "点を期限までに発送できず、お待ちいただく同意も確認できなかったため、キャンセルいたしました。"},
           {"msg_cancelled_buyer",
            "ご依頼に基づき、ご注文（{order_id}）の商品{count, number}点をキャンセルいたしました。"},
           {"msg_cancelled_refund", "{date}までに{amount}を返金いたします。"},
           {"msg_cancelled_refund_full", "お支払いいただいた代金を送料も含めて全額返金いたします。"},
       }},
  };
  return all;
}

}  // namespace

const std::string* builtin_customer_message(std::string_view language, std::string_view key) {
  const auto& all = catalogues();
  auto cat = all.find(language);
  if (cat == all.end()) return nullptr;
  auto msg = cat->second.find(key);
  return msg == cat->second.end() ? nullptr : &msg->second;
}

}  // namespace backorder::detail
