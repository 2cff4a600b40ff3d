// The support desk brief's words (docs/store.md#support-desk-and-report): ICU MessageFormat patterns per
// language, for the agent who answers a customer about an order. Kept apart from the customer messages so
// each file holds one reader's text.
#include <map>

#include "catalogue.hpp"

namespace backorder::detail {
namespace {

using Catalogue = std::map<std::string, std::string, std::less<>>;

// Arguments: {order_id} {customer} (name, else email) {count} (lines concerned); lines {name} {quantity}
// {dates} {days} (from today) {supply} {arrival}; promises {promised} {days} (business days late); money
// {amount} {max}; remedies {percent} {points} {rule} {code}; budgets {period} (day, week, month, quarter,
// year); lead time {min} {max} {unit} (calendar, business); updates {days} {hours}; alternatives {names}.
const std::map<std::string, Catalogue, std::less<>>& catalogues() {
  static const std::map<std::string, Catalogue, std::less<>> all = {
      {"en",
       {
           {"desk_title", "Support brief: order {order_id} for {customer}"},
           {"desk_ack_on_time",
            "{count, plural, one {One item of order {order_id} is still on its way, on schedule.} other {# "
            "items of order {order_id} are still on their way, on schedule.}}"},
           {"desk_ack_late",
            "{count, plural, one {We’re sorry: one item of order {order_id} will ship later than we "
            "promised.} other {We’re sorry: # items of order {order_id} will ship later than we promised.}}"},
           {"desk_ack_done",
            "Nothing of order {order_id} is waiting any more: every item has shipped or was cancelled."},
           {"desk_heading_eta", "Where each waiting item stands"},
           {"desk_heading_options", "Options to offer"},
           {"desk_heading_remedies", "Remedies you may offer (within the policy’s caps)"},
           {"desk_heading_granted", "Already given to this order"},
           {"desk_heading_policy", "Policy"},
           {"desk_heading_next", "Next steps"},
           {"desk_eta_stock",
            "{name} ({quantity, plural, one {# unit} other {# units}}): in stock, {days, plural, =0 {ships "
            "today} =1 {ships tomorrow} other {ships {dates}}}."},
           {"desk_eta_inbound",
            "{name} ({quantity, plural, one {# unit} other {# units}}): ships {dates}, with purchase order "
            "{supply} arriving {arrival}."},
           {"desk_eta_inbound_late",
            "{name} ({quantity, plural, one {# unit} other {# units}}): ships {dates}; purchase order "
            "{supply} was due {arrival} and is overdue."},
           {"desk_eta_lead_time",
            "{name} ({quantity, plural, one {# unit} other {# units}}): ships {dates}, after the supplier’s "
            "lead time."},
           {"desk_eta_on_time", "Promised {promised}: on time."},
           {"desk_eta_late",
            "Promised {promised}: {days, plural, one {# business day late} other {# business days late}}."},
           {"desk_option_wait",
            "Keep waiting: nothing to do; we ship as soon as it arrives and tell them if the date moves."},
           {"desk_option_cancel", "Cancel the waiting items for a full refund of {amount}."},
           {"desk_option_alternative", "Switch to an in-stock alternative: {names}."},
           {"desk_remedy_none", "None for this order under the policy’s rules."},
           {"desk_remedy_discount",
            "A discount code for {percent, number, ::percent} off the next purchase (rule {rule})."},
           {"desk_remedy_discount_capped",
            "A discount code for {percent, number, ::percent} off the next purchase, up to {max} (rule "
            "{rule})."},
           {"desk_remedy_code", "Code: {code}."},
           {"desk_remedy_free_expedited", "Free expedited shipping when the stock arrives (rule {rule})."},
           {"desk_remedy_loyalty_points",
            "{points, plural, one {# loyalty point} other {# loyalty points}} (rule {rule})."},
           {"desk_remedy_partial_refund", "A partial refund of {amount} (rule {rule})."},
           {"desk_remedy_outreach",
            "Personal outreach: you contact the customer yourself, not with a template (rule {rule})."},
           {"desk_budget_order", "Left in this order’s goodwill budget: {amount}."},
           {"desk_budget_period",
            "Left in the goodwill budget {period, select, day {for today} week {for this week} month {for "
            "this month} quarter {for this quarter} other {for this year}}: {amount}."},
           {"desk_policy_lead_time",
            "Supplier lead time: {min, number}–{max, plural, one {# day} other {# days}}{unit, select, "
            "business { (business days)} other {}}."},
           {"desk_policy_updates",
            "The customer hears of a new date when it moves by more than {days, plural, one {# day} other {# "
            "days}}, at most once every {hours, plural, one {# hour} other {# hours}}."},
           {"desk_policy_cancel",
            "Items that have not shipped can be cancelled at any time for a full refund."},
           {"desk_policy_budget_order", "Goodwill budget per order: {amount}."},
           {"desk_policy_budget_period",
            "Goodwill budget {period, select, day {per day} week {per week} month {per month} quarter {per "
            "quarter} other {per year}}: {amount}."},
           {"desk_policy_rule", "Rule {rule} applies to this delay."},
           {"desk_next_tell_date", "Tell the customer the current date above and where it comes from."},
           {"desk_next_offer",
            "Offer the options. If they cancel, record it (a line_cancelled event): the refund follows."},
           {"desk_next_outreach", "Personal outreach is due: call or write to {customer} yourself."},
           {"desk_next_automatic",
            "The customer is told automatically when the date moves again and when the item ships."},
           // A compliance rule's obligation; the message is the rule pack's own (docs/compliance.md).
           {"desk_next_compliance", "By {date}: {message} (rule {rule})"},
           {"desk_next_done",
            "Nothing waits: help with the shipments (the tracking numbers are in the order)."},
       }},
      {"de",
       {
           {"desk_title", "Support-Briefing: Bestellung {order_id} von {customer}"},
           {"desk_ack_on_time",
            "{count, plural, one {Ein Artikel der Bestellung {order_id} ist noch unterwegs, wie "
            "versprochen.} other {# Artikel der Bestellung {order_id} sind noch unterwegs, wie "
            "versprochen.}}"},
           {"desk_ack_late",
            "{count, plural, one {Es tut uns leid: Ein Artikel der Bestellung {order_id} wird später "
            "versandt als versprochen.} other {Es tut uns leid: # Artikel der Bestellung {order_id} werden "
            "später versandt als versprochen.}}"},
           {"desk_ack_done",
            "Aus der Bestellung {order_id} wartet nichts mehr: Alle Artikel sind versandt oder storniert."},
           {"desk_heading_eta", "Stand der wartenden Artikel"},
           {"desk_heading_options", "Optionen für die Kundschaft"},
           {"desk_heading_remedies", "Mögliche Ausgleichsangebote (im Rahmen der Richtlinie)"},
           {"desk_heading_granted", "Dieser Bestellung bereits gewährt"},
           {"desk_heading_policy", "Richtlinie"},
           {"desk_heading_next", "Nächste Schritte"},
           {"desk_eta_stock",
            "{name} ({quantity, number} Stück): auf Lager, {days, plural, =0 {Versand heute} =1 {Versand "
            "morgen} other {Versand {dates}}}."},
           {"desk_eta_inbound",
            "{name} ({quantity, number} Stück): Versand {dates}, mit der Lieferantenbestellung {supply}, "
            "Eingang {arrival}."},
           {"desk_eta_inbound_late",
            "{name} ({quantity, number} Stück): Versand {dates}; die Lieferantenbestellung {supply} war für "
            "{arrival} erwartet und ist überfällig."},
           {"desk_eta_lead_time",
            "{name} ({quantity, number} Stück): Versand {dates}, nach der Lieferzeit des Lieferanten."},
           {"desk_eta_on_time", "Versprochen: {promised}; im Plan."},
           {"desk_eta_late",
            "Versprochen: {promised}; {days, plural, one {# Werktag} other {# Werktage}} im Verzug."},
           {"desk_option_wait",
            "Weiter warten: Nichts zu tun; wir versenden, sobald die Ware da ist, und melden uns, wenn sich "
            "der Termin ändert."},
           {"desk_option_cancel", "Die wartenden Artikel stornieren, mit voller Erstattung von {amount}."},
           {"desk_option_alternative", "Zu einer Alternative ab Lager wechseln: {names}."},
           {"desk_remedy_none", "Nach den Regeln der Richtlinie keine für diese Bestellung."},
           {"desk_remedy_discount",
            "Ein Rabattcode über {percent, number, ::percent} auf den nächsten Einkauf (Regel {rule})."},
           {"desk_remedy_discount_capped",
            "Ein Rabattcode über {percent, number, ::percent} auf den nächsten Einkauf, höchstens {max} "
            "(Regel {rule})."},
           {"desk_remedy_code", "Code: {code}."},
           {"desk_remedy_free_expedited",
            "Kostenloser Expressversand, sobald die Ware eintrifft (Regel {rule})."},
           {"desk_remedy_loyalty_points",
            "{points, plural, one {# Treuepunkt} other {# Treuepunkte}} (Regel {rule})."},
           {"desk_remedy_partial_refund", "Eine Teilerstattung von {amount} (Regel {rule})."},
           {"desk_remedy_outreach",
            "Persönlicher Kontakt: Sie melden sich selbst, ohne Vorlage (Regel {rule})."},
           {"desk_budget_order", "Verbleibendes Kulanzbudget dieser Bestellung: {amount}."},
           {"desk_budget_period",
            "Verbleibendes Kulanzbudget {period, select, day {für heute} week {für diese Woche} month {für "
            "diesen Monat} quarter {für dieses ({quantity, number} Stück)uartal} other {für dieses Jahr}}: "
            "{amount}."},
           {"desk_policy_lead_time",
            "Lieferzeit des Lieferanten: {min, number}–{max, plural, one {# Tag} other {# Tage}}{unit, "
            "select, business { (Werktage)} other {}}."},
           {"desk_policy_updates",
            "Die Kundschaft erfährt einen neuen Termin, wenn er sich um mehr als {days, plural, one {# Tag} "
            "other {# Tage}} verschiebt, höchstens einmal in {hours, plural, one {# Stunde} other {# "
            "Stunden}}."},
           {"desk_policy_cancel",
            "Nicht versandte Artikel können jederzeit gegen volle Erstattung storniert werden."},
           {"desk_policy_budget_order", "Kulanzbudget pro Bestellung: {amount}."},
           {"desk_policy_budget_period",
            "Kulanzbudget {period, select, day {pro Tag} week {pro Woche} month {pro Monat} quarter {pro "
            "({quantity, number} Stück)uartal} other {pro Jahr}}: {amount}."},
           {"desk_policy_rule", "Regel {rule} gilt für diese Verzögerung."},
           {"desk_next_tell_date", "Nennen Sie den aktuellen Termin oben und woher er stammt."},
           {"desk_next_offer",
            "Bieten Sie die Optionen an. Eine Stornierung erfassen Sie (ein line_cancelled-Ereignis): Die "
            "Erstattung folgt."},
           {"desk_next_outreach",
            "Persönlicher Kontakt ist fällig: Rufen Sie {customer} selbst an oder schreiben Sie selbst."},
           {"desk_next_automatic",
            "Die Kundschaft wird automatisch informiert, wenn sich der Termin erneut ändert und wenn der "
            "Artikel versandt wird."},
           // A compliance rule's obligation; the message is the rule pack's own (docs/compliance.md).
           {"desk_next_compliance", "Bis {date}: {message} (Regel {rule})"},
           {"desk_next_done",
            "Nichts wartet: Helfen Sie bei den Sendungen (die Sendungsnummern stehen in der Bestellung)."},
       }},
      {"fr",
       {
           {"desk_title", "Fiche support : commande {order_id} de {customer}"},
           {"desk_ack_on_time",
            "{count, plural, one {Un article de la commande {order_id} est encore en route, dans les "
            "délais.} other {# articles de la commande {order_id} sont encore en route, dans les délais.}}"},
           {"desk_ack_late",
            "{count, plural, one {Nous sommes désolés : un article de la commande {order_id} sera expédié "
            "plus tard que promis.} other {Nous sommes désolés : # articles de la commande {order_id} seront "
            "expédiés plus tard que promis.}}"},
           {"desk_ack_done",
            "Plus rien n’attend dans la commande {order_id} : tous les articles sont expédiés ou annulés."},
           {"desk_heading_eta", "Où en est chaque article en attente"},
           {"desk_heading_options", "Options à proposer"},
           {"desk_heading_remedies", "Gestes commerciaux possibles (dans les plafonds de la politique)"},
           {"desk_heading_granted", "Déjà accordé à cette commande"},
           {"desk_heading_policy", "Politique"},
           {"desk_heading_next", "Étapes suivantes"},
           {"desk_eta_stock",
            "{name} ({quantity, plural, one {# article} other {# articles}}) : en stock, {days, plural, =0 "
            "{expédié aujourd’hui} =1 {expédié demain} other {expédié {dates}}}."},
           {"desk_eta_inbound",
            "{name} ({quantity, plural, one {# article} other {# articles}}) : expédition {dates}, avec la "
            "commande fournisseur {supply} attendue {arrival}."},
           {"desk_eta_inbound_late",
            "{name} ({quantity, plural, one {# article} other {# articles}}) : expédition {dates} ; la "
            "commande fournisseur {supply} était attendue {arrival} et est en retard."},
           {"desk_eta_lead_time",
            "{name} ({quantity, plural, one {# article} other {# articles}}) : expédition {dates}, après le "
            "délai du fournisseur."},
           {"desk_eta_on_time", "Promis : {promised} ; dans les délais."},
           {"desk_eta_late",
            "Promis : {promised} ; {days, plural, one {# jour ouvré de retard} other {# jours ouvrés de "
            "retard}}."},
           {"desk_option_wait",
            "Continuer d’attendre : rien à faire ; nous expédions dès l’arrivée et prévenons si la date "
            "change."},
           {"desk_option_cancel", "Annuler les articles en attente, remboursés intégralement ({amount})."},
           {"desk_option_alternative", "Passer à une alternative en stock : {names}."},
           {"desk_remedy_none", "Aucun pour cette commande selon les règles de la politique."},
           {"desk_remedy_discount",
            "Un code de réduction de {percent, number, ::percent} sur le prochain achat (règle {rule})."},
           {"desk_remedy_discount_capped",
            "Un code de réduction de {percent, number, ::percent} sur le prochain achat, jusqu’à {max} "
            "(règle {rule})."},
           {"desk_remedy_code", "Code : {code}."},
           {"desk_remedy_free_expedited",
            "La livraison express offerte à l’arrivée du stock (règle {rule})."},
           {"desk_remedy_loyalty_points",
            "{points, plural, one {# point de fidélité} other {# points de fidélité}} (règle {rule})."},
           {"desk_remedy_partial_refund", "Un remboursement partiel de {amount} (règle {rule})."},
           {"desk_remedy_outreach",
            "Contact personnel : vous contactez vous-même le client, sans modèle (règle {rule})."},
           {"desk_budget_order", "Reste du budget de geste commercial de cette commande : {amount}."},
           {"desk_budget_period",
            "Reste du budget de geste commercial {period, select, day {pour aujourd’hui} week {pour cette "
            "semaine} month {pour ce mois} quarter {pour ce trimestre} other {pour cette année}} : "
            "{amount}."},
           {"desk_policy_lead_time",
            "Délai du fournisseur : {min, number} à {max, plural, one {# jour} other {# jours}}{unit, "
            "select, business { (jours ouvrés)} other {}}."},
           {"desk_policy_updates",
            "Le client est prévenu d’une nouvelle date quand elle bouge de plus de {days, plural, one {# "
            "jour} other {# jours}}, au plus une fois toutes les {hours, plural, one {# heure} other {# "
            "heures}}."},
           {"desk_policy_cancel",
            "Les articles non expédiés peuvent être annulés à tout moment, remboursés intégralement."},
           {"desk_policy_budget_order", "Budget de geste commercial par commande : {amount}."},
           {"desk_policy_budget_period",
            "Budget de geste commercial {period, select, day {par jour} week {par semaine} month {par mois} "
            "quarter {par trimestre} other {par an}} : {amount}."},
           {"desk_policy_rule", "La règle {rule} s’applique à ce retard."},
           {"desk_next_tell_date", "Donnez au client la date actuelle ci-dessus et son origine."},
           {"desk_next_offer",
            "Proposez les options. S’il annule, enregistrez-le (un événement line_cancelled) : le "
            "remboursement suit."},
           {"desk_next_outreach",
            "Un contact personnel est prévu : appelez ou écrivez vous-même à {customer}."},
           {"desk_next_automatic",
            "Le client est prévenu automatiquement si la date bouge encore et à l’expédition."},
           // A compliance rule's obligation; the message is the rule pack's own (docs/compliance.md).
           {"desk_next_compliance", "D’ici le {date} : {message} (règle {rule})"},
           {"desk_next_done",
            "Rien n’attend : aidez pour les envois (les numéros de suivi sont dans la commande)."},
       }},
      {"es",
       {
           {"desk_title", "Ficha de soporte: pedido {order_id} de {customer}"},
           {"desk_ack_on_time",
            "{count, plural, one {Un artículo del pedido {order_id} sigue en camino, según lo previsto.} "
            "other {# artículos del pedido {order_id} siguen en camino, según lo previsto.}}"},
           {"desk_ack_late",
            "{count, plural, one {Lo sentimos: un artículo del pedido {order_id} se enviará más tarde de lo "
            "prometido.} other {Lo sentimos: # artículos del pedido {order_id} se enviarán más tarde de lo "
            "prometido.}}"},
           {"desk_ack_done",
            "Ya no queda nada pendiente del pedido {order_id}: todos los artículos se han enviado o "
            "cancelado."},
           {"desk_heading_eta", "Estado de cada artículo pendiente"},
           {"desk_heading_options", "Opciones que ofrecer"},
           {"desk_heading_remedies",
            "Compensaciones que puedes ofrecer (dentro de los límites de la política)"},
           {"desk_heading_granted", "Ya concedido a este pedido"},
           {"desk_heading_policy", "Política"},
           {"desk_heading_next", "Próximos pasos"},
           {"desk_eta_stock",
            "{name} ({quantity, plural, one {# unidad} other {# unidades}}): en stock, {days, plural, =0 {se "
            "envía hoy} =1 {se envía mañana} other {se envía {dates}}}."},
           {"desk_eta_inbound",
            "{name} ({quantity, plural, one {# unidad} other {# unidades}}): se envía {dates}, con la orden "
            "de compra {supply} que llega {arrival}."},
           {"desk_eta_inbound_late",
            "{name} ({quantity, plural, one {# unidad} other {# unidades}}): se envía {dates}; la orden de "
            "compra {supply} debía llegar {arrival} y va con retraso."},
           {"desk_eta_lead_time",
            "{name} ({quantity, plural, one {# unidad} other {# unidades}}): se envía {dates}, tras el plazo "
            "del proveedor."},
           {"desk_eta_on_time", "Prometido: {promised}; a tiempo."},
           {"desk_eta_late",
            "Prometido: {promised}; {days, plural, one {# día hábil de retraso} other {# días hábiles de "
            "retraso}}."},
           {"desk_option_wait",
            "Seguir esperando: no hay que hacer nada; enviamos en cuanto llegue y avisamos si cambia la "
            "fecha."},
           {"desk_option_cancel", "Cancelar los artículos pendientes con reembolso completo de {amount}."},
           {"desk_option_alternative", "Cambiar a una alternativa en stock: {names}."},
           {"desk_remedy_none", "Ninguna para este pedido según las reglas de la política."},
           {"desk_remedy_discount",
            "Un código de descuento del {percent, number, ::percent} en la próxima compra (regla {rule})."},
           {"desk_remedy_discount_capped",
            "Un código de descuento del {percent, number, ::percent} en la próxima compra, hasta {max} "
            "(regla {rule})."},
           {"desk_remedy_code", "Código: {code}."},
           {"desk_remedy_free_expedited", "Envío exprés gratis cuando llegue el stock (regla {rule})."},
           {"desk_remedy_loyalty_points",
            "{points, plural, one {# punto de fidelidad} other {# puntos de fidelidad}} (regla {rule})."},
           {"desk_remedy_partial_refund", "Un reembolso parcial de {amount} (regla {rule})."},
           {"desk_remedy_outreach",
            "Contacto personal: contactas tú al cliente, sin plantilla (regla {rule})."},
           {"desk_budget_order", "Queda en el presupuesto de compensación de este pedido: {amount}."},
           {"desk_budget_period",
            "Queda en el presupuesto de compensación {period, select, day {de hoy} week {de esta semana} "
            "month {de este mes} quarter {de este trimestre} other {de este año}}: {amount}."},
           {"desk_policy_lead_time",
            "Plazo del proveedor: {min, number}–{max, plural, one {# día} other {# días}}{unit, select, "
            "business { (días hábiles)} other {}}."},
           {"desk_policy_updates",
            "El cliente recibe una nueva fecha cuando se mueve más de {days, plural, one {# día} other {# "
            "días}}, como mucho una vez cada {hours, plural, one {# hora} other {# horas}}."},
           {"desk_policy_cancel",
            "Los artículos no enviados se pueden cancelar en cualquier momento con reembolso completo."},
           {"desk_policy_budget_order", "Presupuesto de compensación por pedido: {amount}."},
           {"desk_policy_budget_period",
            "Presupuesto de compensación {period, select, day {por día} week {por semana} month {por mes} "
            "quarter {por trimestre} other {por año}}: {amount}."},
           {"desk_policy_rule", "La regla {rule} se aplica a este retraso."},
           {"desk_next_tell_date", "Indica al cliente la fecha actual de arriba y de dónde viene."},
           {"desk_next_offer",
            "Ofrece las opciones. Si cancela, regístralo (un evento line_cancelled): el reembolso sigue."},
           {"desk_next_outreach", "Toca contacto personal: llama o escribe tú a {customer}."},
           {"desk_next_automatic",
            "El cliente recibe un aviso automático si la fecha vuelve a cambiar y cuando se envíe el "
            "artículo."},
           // A compliance rule's obligation; the message is the rule pack's own (docs/compliance.md).
           {"desk_next_compliance", "A más tardar el {date}: {message} (regla {rule})"},
           {"desk_next_done",
            "No queda nada pendiente: ayuda con los envíos (los números de seguimiento están en el pedido)."},
       }},
      {"pl",
       {
           {"desk_title", "Notatka dla obsługi: zamówienie {order_id}, klient {customer}"},
           {"desk_ack_on_time",
            "{count, plural, one {Jeden produkt z zamówienia {order_id} jest jeszcze w drodze, zgodnie z "
            "planem.} few {# produkty z zamówienia {order_id} są jeszcze w drodze, zgodnie z planem.} many "
            "{# produktów z zamówienia {order_id} jest jeszcze w drodze, zgodnie z planem.} other {# "
            "produktu z zamówienia {order_id} jest jeszcze w drodze, zgodnie z planem.}}"},
           {"desk_ack_late",
            "{count, plural, one {Przepraszamy: jeden produkt z zamówienia {order_id} zostanie wysłany "
            "później, niż obiecaliśmy.} few {Przepraszamy: # produkty z zamówienia {order_id} zostaną "
            "wysłane później, niż obiecaliśmy.} many {Przepraszamy: # produktów z zamówienia {order_id} "
            "zostanie wysłanych później, niż obiecaliśmy.} other {Przepraszamy: # produktu z zamówienia "
            "{order_id} zostanie wysłane później, niż obiecaliśmy.}}"},
           {"desk_ack_done",
            "Z zamówienia {order_id} nic już nie czeka: wszystkie produkty wysłano lub anulowano."},
           {"desk_heading_eta", "Stan czekających produktów"},
           {"desk_heading_options", "Opcje do zaproponowania"},
           {"desk_heading_remedies", "Rekompensaty, które możesz zaproponować (w limitach zasad)"},
           {"desk_heading_granted", "Już przyznane temu zamówieniu"},
           {"desk_heading_policy", "Zasady"},
           {"desk_heading_next", "Kolejne kroki"},
           {"desk_eta_stock",
            "{name} ({quantity, plural, one {# sztuka} few {# sztuki} many {# sztuk} other {# sztuki}}): w "
            "magazynie, {days, plural, =0 {wysyłka dziś} =1 {wysyłka jutro} other {wysyłka {dates}}}."},
           {"desk_eta_inbound",
            "{name} ({quantity, plural, one {# sztuka} few {# sztuki} many {# sztuk} other {# sztuki}}): "
            "wysyłka {dates}, z zamówieniem u dostawcy {supply}, dostawa {arrival}."},
           {"desk_eta_inbound_late",
            "{name} ({quantity, plural, one {# sztuka} few {# sztuki} many {# sztuk} other {# sztuki}}): "
            "wysyłka {dates}; zamówienie u dostawcy {supply} miało dotrzeć {arrival} i jest opóźnione."},
           {"desk_eta_lead_time",
            "{name} ({quantity, plural, one {# sztuka} few {# sztuki} many {# sztuk} other {# sztuki}}): "
            "wysyłka {dates}, po czasie realizacji dostawcy."},
           {"desk_eta_on_time", "Obiecano: {promised}; zgodnie z planem."},
           {"desk_eta_late",
            "Obiecano: {promised}; {days, plural, one {# dzień roboczy opóźnienia} few {# dni robocze "
            "opóźnienia} many {# dni roboczych opóźnienia} other {# dnia roboczego opóźnienia}}."},
           {"desk_option_wait",
            "Czekać dalej: nic nie trzeba robić; wyślemy od razu po dostawie i damy znać, jeśli termin się "
            "zmieni."},
           {"desk_option_cancel", "Anulować czekające produkty z pełnym zwrotem {amount}."},
           {"desk_option_alternative", "Zamienić na dostępny zamiennik: {names}."},
           {"desk_remedy_none", "Według reguł zasad brak dla tego zamówienia."},
           {"desk_remedy_discount",
            "Kod rabatowy {percent, number, ::percent} na kolejne zakupy (reguła {rule})."},
           {"desk_remedy_discount_capped",
            "Kod rabatowy {percent, number, ::percent} na kolejne zakupy, maksymalnie {max} (reguła "
            "{rule})."},
           {"desk_remedy_code", "Kod: {code}."},
           {"desk_remedy_free_expedited", "Darmowa wysyłka ekspresowa po dostawie towaru (reguła {rule})."},
           {"desk_remedy_loyalty_points",
            "{points, plural, one {# punkt lojalnościowy} few {# punkty lojalnościowe} many {# punktów "
            "lojalnościowych} other {# punktu lojalnościowego}} (reguła {rule})."},
           {"desk_remedy_partial_refund", "Częściowy zwrot {amount} (reguła {rule})."},
           {"desk_remedy_outreach",
            "Kontakt osobisty: kontaktujesz się z klientem sam, bez szablonu (reguła {rule})."},
           {"desk_budget_order", "Pozostało w budżecie rekompensat tego zamówienia: {amount}."},
           {"desk_budget_period",
            "Pozostało w budżecie rekompensat {period, select, day {na dziś} week {na ten tydzień} month {na "
            "ten miesiąc} quarter {na ten kwartał} other {na ten rok}}: {amount}."},
           {"desk_policy_lead_time",
            "Czas realizacji dostawcy: {min, number}–{max, plural, one {# dzień} few {# dni} many {# dni} "
            "other {# dnia}}{unit, select, business { (dni robocze)} other {}}."},
           {"desk_policy_updates",
            "Klient dostaje nowy termin, gdy przesunie się o więcej niż {days, plural, one {# dzień} few {# "
            "dni} many {# dni} other {# dnia}}, najwyżej raz na {hours, plural, one {# godzinę} few {# "
            "godziny} many {# godzin} other {# godziny}}."},
           {"desk_policy_cancel", "Niewysłane produkty można anulować w każdej chwili z pełnym zwrotem."},
           {"desk_policy_budget_order", "Budżet rekompensat na zamówienie: {amount}."},
           {"desk_policy_budget_period",
            "Budżet rekompensat {period, select, day {na dzień} week {na tydzień} month {na miesiąc} quarter "
            "{na kwartał} other {na rok}}: {amount}."},
           {"desk_policy_rule", "Reguła {rule} dotyczy tego opóźnienia."},
           {"desk_next_tell_date", "Podaj klientowi aktualny termin powyżej i jego źródło."},
           {"desk_next_offer",
            "Zaproponuj opcje. Jeśli klient anuluje, zapisz to (zdarzenie line_cancelled): zwrot nastąpi."},
           {"desk_next_outreach", "Należy się kontakt osobisty: zadzwoń lub napisz do {customer} sam."},
           {"desk_next_automatic",
            "Klient dostanie automatyczną informację, gdy termin znów się zmieni i gdy produkt zostanie "
            "wysłany."},
           // A compliance rule's obligation; the message is the rule pack's own (docs/compliance.md).
           {"desk_next_compliance", "Do {date}: {message} (reguła {rule})"},
           {"desk_next_done", "Nic nie czeka: pomóż w sprawie przesyłek (numery śledzenia są w zamówieniu)."},
       }},
      {"ja",
       {
           {"desk_title", "サポート用メモ：ご注文{order_id}（{customer}様）"},
           {"desk_ack_on_time", "ご注文{order_id}の商品{count, number}点は、予定どおり準備中です。"},
           {"desk_ack_late",
            "申し訳ございません。ご注文{order_id}の商品{count, number}点の発送が、お約束より遅れます。"},
           {"desk_ack_done",
            "ご注文{order_id}"
            "でお待ちいただいている商品はありません。すべて発送済みまたはキャンセル済みです。"},
           {"desk_heading_eta", "お待ちいただいている商品の状況"},
           {"desk_heading_options", "ご案内できる選択肢"},
           {"desk_heading_remedies", "ご提案できるお詫びの対応（ポリシーの上限内）"},
           {"desk_heading_granted", "このご注文に付与済み"},
           {"desk_heading_policy", "ポリシー"},
           {"desk_heading_next", "次の対応"},
           {"desk_eta_stock",
            "{name}（{quantity, number}点）：在庫あり、{days, plural, =0 {本日発送} =1 {明日発送} other "
            "{{dates}に発送}}。"},
           {"desk_eta_inbound",
            "{name}（{quantity, "
            "number}点）：{dates}に発送予定。仕入れ発注{supply}が{arrival}に入荷予定です。"},
           {"desk_eta_inbound_late",
            "{name}（{quantity, "
            "number}点）：{dates}に発送予定。仕入れ発注{supply}は{arrival}入荷予定でしたが、遅れています。"},
           {"desk_eta_lead_time",
            "{name}（{quantity, number}点）：仕入先のリードタイム後、{dates}に発送予定。"},
           {"desk_eta_on_time", "お約束：{promised}。予定どおりです。"},
           {"desk_eta_late", "お約束：{promised}。{days, number}営業日の遅れです。"},
           {"desk_option_wait",
            "このまま待つ：お手続きは不要です。入荷次第発送し、日程が変わればお知らせします。"},
           {"desk_option_cancel", "お待ちの商品をキャンセルし、{amount}を全額返金する。"},
           {"desk_option_alternative", "在庫のある代替商品に変更する：{names}。"},
           {"desk_remedy_none", "ポリシーのルール上、このご注文には該当なし。"},
           {"desk_remedy_discount",
            "次回のお買い物で{percent, number, ::percent}オフのクーポンコード（ルール{rule}）。"},
           {"desk_remedy_discount_capped",
            "次回のお買い物で{percent, number, "
            "::percent}オフ（上限{max}）のクーポンコード（ルール{rule}）。"},
           {"desk_remedy_code", "コード：{code}。"},
           {"desk_remedy_free_expedited", "入荷時の速達配送を無料に（ルール{rule}）。"},
           {"desk_remedy_loyalty_points", "{points, number}ポイント（ルール{rule}）。"},
           {"desk_remedy_partial_refund", "{amount}の一部返金（ルール{rule}）。"},
           {"desk_remedy_outreach",
            "個別のご連絡：テンプレートではなく、ご自身でお客様にご連絡ください（ルール{rule}）。"},
           {"desk_budget_order", "このご注文のお詫び予算の残り：{amount}。"},
           {"desk_budget_period",
            "{period, select, day {本日} week {今週} month {今月} quarter {今四半期} other "
            "{今年}}のお詫び予算の残り：{amount}。"},
           {"desk_policy_lead_time",
            "仕入先のリードタイム：{min, number}～{max, number}{unit, select, business {営業日} other "
            "{日}}。"},
           {"desk_policy_updates",
            "発送予定日が{days, number}日を超えて変わるとお客様にお知らせします（{hours, "
            "number}時間に1回まで）。"},
           {"desk_policy_cancel", "未発送の商品はいつでもキャンセルでき、全額返金されます。"},
           {"desk_policy_budget_order", "ご注文あたりのお詫び予算：{amount}。"},
           {"desk_policy_budget_period",
            "{period, select, day {1日} week {1週間} month {1か月} quarter {四半期} other "
            "{1年}}あたりのお詫び予算：{amount}。"},
           {"desk_policy_rule", "ルール{rule}がこの遅延に適用されます。"},
           {"desk_next_tell_date", "上記の最新の日程とその根拠をお客様にお伝えください。"},
           {"desk_next_offer",
            "選択肢をご案内ください。キャンセルの場合は記録してください（line_"
            "cancelledイベント）。返金が続きます。"},
           {"desk_next_outreach",
            "個別のご連絡が必要です：{customer}様にご自身でお電話またはメールをしてください。"},
           {"desk_next_automatic", "日程が再び変わったときや発送時には、お客様に自動でお知らせします。"},
           // A compliance rule's obligation; the message is the rule pack's own (docs/compliance.md).
           {"desk_next_compliance", "{date}まで：{message}（規則 {rule}）"},
           {"desk_next_done",
            "お待ちの商品はありません。配送についてのお問い合わせにご対応ください（追跡番号はご注文にあります"
            "）。"},
       }},
  };
  return all;
}

}  // namespace

const std::string* builtin_desk_message(std::string_view language, std::string_view key) {
  const auto& all = catalogues();
  auto cat = all.find(language);
  if (cat == all.end()) return nullptr;
  auto msg = cat->second.find(key);
  return msg == cat->second.end() ? nullptr : &msg->second;
}

}  // namespace backorder::detail
