/*
 * backorder.h — the stable C ABI of the Backorder engine.
 *
 * Conventions (docs/c-abi.md):
 *  - Names are bo_<object>_<verb>; outputs come first; fallible calls return bo_status (0 = BO_OK,
 *    negative = a specific error). On error, bo_last_error_*() describe it on the calling thread.
 *  - Strings are UTF-8; inputs take an explicit length. What the library allocates for you is released
 *    with bo_free(). Handles are released with their own bo_<object>_free(), which accepts NULL.
 *  - No C++ exception ever leaves the library. A failed call changes nothing.
 *  - Threading: a bo_engine is immutable and may be shared by any number of threads. A bo_labeler belongs
 *    to one thread at a time. The last error is per thread.
 *  - `now` is always an input: the library never reads the clock.
 *
 * Rich data crosses as versioned JSON (docs/json.md); catalog pages also get typed structs that begin
 * with struct_size, so later versions can grow them without breaking callers.
 */
#ifndef BACKORDER_H
#define BACKORDER_H

#include <stddef.h>
#include <stdint.h>

#if defined(BO_BUILDING_LIBRARY)
#define BO_API __attribute__((visibility("default")))
#else
#define BO_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ---- versions ------------------------------------------------------------------------------------ */

#define BO_VERSION_MAJOR 0
#define BO_VERSION_MINOR 2
#define BO_VERSION_PATCH 0
/* MAJOR*10000 + MINOR*100 + PATCH, as bo_version_number() returns for the library actually loaded. */
#define BO_VERSION_NUMBER (BO_VERSION_MAJOR * 10000 + BO_VERSION_MINOR * 100 + BO_VERSION_PATCH)
/* Bumped on any incompatible ABI change; hosts refuse a library whose bo_abi_version() differs. */
#define BO_ABI_VERSION 1

/* "0.1.0". Static storage: do not free. */
BO_API const char *bo_version_string(void);
BO_API uint32_t bo_version_number(void);
BO_API uint32_t bo_abi_version(void);

/* ---- errors -------------------------------------------------------------------------------------- */

/* Values are append-only. */
typedef int32_t bo_status;
#define BO_OK 0
#define BO_EINTERNAL (-1) /* a bug or an unexpected failure inside the library */
#define BO_EINVALID (-2)  /* input failed validation; bo_last_error_path() says where */
#define BO_ENOTFOUND (-3) /* an id that does not exist */
#define BO_ENOMEM (-4)    /* out of memory */
#define BO_EBUFSIZE (-5)  /* a caller-provided buffer or struct is too small */

/* The code of the last failed call on this thread (BO_OK if none). */
BO_API bo_status bo_last_error_code(void);
/* Its message; never NULL ("" if none). Valid until the next failing call on this thread. */
BO_API const char *bo_last_error_message(void);
/* The JSON path of the input at fault ("policy.calendar.time_zone"); never NULL ("" if none). */
BO_API const char *bo_last_error_path(void);

/*
 * Every problem of the last failed call on this thread as a JSON array [{"path": "...", "message": "..."}]
 * (one element for most errors; all of them for a rejected policy, scenario or cart). Never NULL ("[]" if
 * none). Valid until the next failing call on this thread.
 */
BO_API const char *bo_last_error_json(void);

/* Releases memory the library returned to you (JSON strings). NULL is fine. */
BO_API void bo_free(void *ptr);

/* ---- policy -------------------------------------------------------------------------------------- */

/*
 * Validates a policy document without building an engine. Always BO_OK for any input bytes; *out_json is
 * {"valid": true|false, "errors": [{"path": "...", "message": "..."}]} (free with bo_free). *out_len may
 * be NULL.
 */
BO_API bo_status bo_policy_validate(char **out_json, size_t *out_len, const char *policy_json, size_t len);

/* ---- engine -------------------------------------------------------------------------------------- */

typedef struct bo_engine bo_engine;

/*
 * Builds an engine from a policy document. On success *out is yours: release it with bo_engine_free().
 * On BO_EINVALID the last error holds the first problem; bo_policy_validate() lists them all.
 */
BO_API bo_status bo_engine_new(bo_engine **out, const char *policy_json, size_t len);
BO_API void bo_engine_free(bo_engine *engine);

/*
 * One label. Request and answer are JSON (docs/json.md#label):
 *   {"item": {...}, "stock": {...}, "quantity": 1, "locale": "en-US", "now": "2026-11-30T09:00:00-05:00"}
 * *out_json is yours (bo_free). *out_len may be NULL.
 */
BO_API bo_status bo_engine_label_json(char **out_json, size_t *out_len, const bo_engine *engine,
                                      const char *request_json, size_t len);

/*
 * A catalog: {"now", "locale", "items": [...], "stock": [...]}, stock rows joined to items by "sku".
 * A bad row does not fail the call: it is listed under "errors" with its row and path.
 */
BO_API bo_status bo_engine_labels_json(char **out_json, size_t *out_len, const bo_engine *engine,
                                       const char *request_json, size_t len);

/* ---- typed labels for catalog pages -------------------------------------------------------------- */

/* Availability status. Values are append-only. */
typedef int32_t bo_availability;
#define BO_AVAILABILITY_IN_STOCK 1
#define BO_AVAILABILITY_LOW_STOCK 2
#define BO_AVAILABILITY_BACKORDER 3
#define BO_AVAILABILITY_PREORDER 4
#define BO_AVAILABILITY_OUT_OF_STOCK 5
#define BO_AVAILABILITY_DISCONTINUED 6

/* "Not given" for the optional integer fields of bo_item: the policy's value applies. */
#define BO_UNSET INT64_MIN

/* bo_item.flags */
#define BO_ITEM_DISCONTINUED 1u
#define BO_ITEM_BACKORDERS_ALLOWED 2u /* with BO_ITEM_BACKORDERS_SET: the item's own choice */
#define BO_ITEM_BACKORDERS_SET 4u     /* without it, the policy's default applies */

/* One catalog row. Set struct_size = sizeof(bo_item); fields past it are taken as unset. */
typedef struct bo_item {
  size_t struct_size;
  const char *sku; /* UTF-8, sku_len bytes; not kept after the call */
  size_t sku_len;
  int64_t quantity; /* asked for; 1 for a product page */
  int64_t on_hand;
  int64_t reserved;
  int64_t safety_stock;
  int64_t promised;
  int64_t backordered;
  int64_t lead_min_days;       /* BO_UNSET: the policy's */
  int64_t lead_max_days;       /* BO_UNSET: the policy's */
  int64_t max_backorder;       /* BO_UNSET: the policy's */
  int64_t low_stock_threshold; /* BO_UNSET: the policy's */
  char release_date[11];       /* "YYYY-MM-DD" for a pre-order, "" for none */
  uint32_t flags;
} bo_item;

/* One answer. Set struct_size = sizeof(bo_label) before the call. */
typedef struct bo_label {
  size_t struct_size;
  bo_status error; /* BO_OK, or why this row has no label (message in error_message) */
  bo_availability status;
  int64_t sellable;
  int64_t ship_now;    /* of quantity, ships from stock */
  int64_t later;       /* of quantity, waits for supply or release */
  int64_t unavailable; /* of quantity, cannot be ordered */
  int32_t notify_me;   /* 1: offer "notify me" */
  /* One member per line: PHP 8.2's FFI misreads a second declarator (php-src#17794). */
  int32_t now_min_days; /* window of ship_now, in days from today */
  int32_t now_max_days;
  int32_t later_min_days; /* window of the units that wait */
  int32_t later_max_days;
  char now_from[11]; /* "YYYY-MM-DD" or "" */
  char now_to[11];
  char later_from[11];
  char later_to[11];
  /* The strings below are owned by the bo_labeler and stay valid until it is freed. */
  const char *text;              /* "Backorder – ships in 10–14 days" */
  const char *short_text;        /* "Ships Dec 10 – 14" */
  const char *schema_org;        /* "https://schema.org/BackOrder" */
  const char *merchant;          /* Google Merchant availability: "backorder" */
  const char *availability_date; /* ISO 8601 with offset, or "" */
  const char *error_message;     /* "" when error is BO_OK */
  const char *error_path;        /* "" when error is BO_OK */
} bo_label;

typedef struct bo_labeler bo_labeler;

/*
 * A labeler computes labels in one locale at one moment (`now_unix_ms`, milliseconds since the Unix epoch)
 * and caches their wording. It keeps `engine` alive. Release with bo_labeler_free(); one thread at a time.
 * An empty locale (locale_len 0; locale may then be NULL) means the policy's default locale.
 */
BO_API bo_status bo_labeler_new(bo_labeler **out, const bo_engine *engine, const char *locale,
                                size_t locale_len, int64_t now_unix_ms);
BO_API void bo_labeler_free(bo_labeler *labeler);

/*
 * Labels `count` items into `out_labels` (each with struct_size set). A bad row sets that label's `error`
 * and the call still returns BO_OK; it fails only for bad arguments (NULL pointers, a struct_size smaller
 * than the first version's).
 */
BO_API bo_status bo_labeler_run(bo_label *out_labels, bo_labeler *labeler, const bo_item *items,
                                size_t count);

/* ---- promises ------------------------------------------------------------------------------------ */

/*
 * The promises of a shop: every waiting order line's ship window, computed first come first served from stock
 * on hand, inbound supply and the supplier lead time (docs/json.md#promises). A bo_promises belongs to one
 * thread at a time; it keeps `engine` alive.
 */
typedef struct bo_promises bo_promises;

/*
 * Builds from a scenario {"now", "items", "stock", "supply", "suppliers", "orders"}. On success *out is
 * yours: release it with bo_promises_free(). On BO_EINVALID the last error holds the first problem.
 */
BO_API bo_status bo_promises_new(bo_promises **out, const bo_engine *engine, const char *scenario_json,
                                 size_t len);
BO_API void bo_promises_free(bo_promises *promises);

/* Every waiting line (windows, source, confidence, queue position, parts) and every open supply's window. */
BO_API bo_status bo_promises_json(char **out_json, size_t *out_len, const bo_promises *promises);

/* Where a new purchase would stand and when it would ship: {"sku", "quantity", "zone"}. */
BO_API bo_status bo_promises_quote_json(char **out_json, size_t *out_len, const bo_promises *promises,
                                        const char *request_json, size_t len);

/*
 * Applies one change ({"type": "supply_changed", ...}) and answers {"deltas": [...]}: exactly the lines whose
 * ship window moved, old beside new, and the lines removed. A bad change fails and changes nothing.
 */
BO_API bo_status bo_promises_apply_json(char **out_json, size_t *out_len, bo_promises *promises,
                                        const char *change_json, size_t len);

/* Labels whose windows come from supply: {"locale", "quantity", "skus": [...]} (all items without "skus"). */
BO_API bo_status bo_promises_labels_json(char **out_json, size_t *out_len, const bo_promises *promises,
                                         const char *request_json, size_t len);

/* ---- checkout ------------------------------------------------------------------------------------ */

/*
 * Plans a checkout (docs/json.md#checkout): per line what ships now and what waits, options and in-stock
 * alternatives, ship-available-now versus ship-together with dates and charges, disclosures in the shopper's
 * language, payment advice. The request is a scenario's facts and "now" plus "cart" and "customer".
 */
BO_API bo_status bo_engine_checkout_json(char **out_json, size_t *out_len, const bo_engine *engine,
                                         const char *request_json, size_t len);

/* The same over the facts of a bo_promises: the request is {"cart", "customer", "locale"}. */
BO_API bo_status bo_promises_checkout_json(char **out_json, size_t *out_len, const bo_promises *promises,
                                           const char *request_json, size_t len);

/*
 * Typed plans: the same plan kept by the library and read as structs, for hosts where decoding the JSON costs
 * more than planning (PHP). Every string is UTF-8 and NUL-terminated; those that can hold the caller's text
 * (line ids, skus, names, disclosures) also have a length, since they may hold any byte. Every string lies in
 * one block of the plan's (bo_checkout_texts) and stays valid until bo_checkout_free(). A bo_checkout keeps
 * its engine alive, needs nothing else (the bo_promises may go) and is never changed, so threads may read
 * it at once.
 */
typedef struct bo_checkout bo_checkout;

/* As bo_engine_checkout_json and bo_promises_checkout_json; on success *out is yours (bo_checkout_free). */
BO_API bo_status bo_engine_checkout(bo_checkout **out, const bo_engine *engine, const char *request_json,
                                    size_t len);
BO_API bo_status bo_promises_checkout(bo_checkout **out, const bo_promises *promises,
                                      const char *request_json, size_t len);
BO_API void bo_checkout_free(bo_checkout *plan);

/* The plan's JSON: the bytes the JSON calls answer for the same request (written when asked). */
BO_API bo_status bo_checkout_json(char **out_json, size_t *out_len, const bo_checkout *plan);

/*
 * The typed structs hold what the JSON plan holds. Each begins with struct_size: the caller sets it (sizeof)
 * in every element before the call, as for bo_label. Arrays are flat: a line's alternatives, a strategy's
 * shipments and a shipment's items are ranges [first, first + count) of their own arrays. What many parts
 * of a plan repeat is listed once and referred to by index: windows (bo_checkout_windows) and the words of
 * labels (bo_checkout_wordings).
 */
typedef struct bo_checkout_summary {
  size_t struct_size;
  const char *now;                  /* "2026-11-30T09:00:00-05:00": the moment the plan is for */
  const char *locale;               /* "en-US" */
  const char *currency;             /* "USD" */
  const char *policy_hash;          /* SHA-256 of the policy, hex */
  const char *default_strategy;     /* "ship_together" or "ship_available" */
  const char *recommended_strategy; /* the same */
  const char *recommendation;       /* "no_extra_cost", "sooner", "one_shipment" */
  int64_t subtotal;                 /* minor units */
  int64_t cost_difference;          /* what ship_available costs the shopper more than ship_together */
  /* The lengths of the arrays below. */
  size_t line_count;
  size_t alternative_count; /* bo_checkout_labels has line_count + alternative_count */
  size_t strategy_count;
  size_t shipment_count;
  size_t shipment_item_count;
  size_t disclosure_count;
  size_t window_count;
  size_t wording_count;
  int32_t mixed; /* 1: some lines ship now and some wait, so the shopper may choose */
} bo_checkout_summary;

/* A window: civil dates in the store's time zone; days counted from today in the policy's day unit. */
typedef struct bo_checkout_window {
  size_t struct_size;
  int32_t min_days;
  int32_t max_days;
  char from[11]; /* "YYYY-MM-DD" */
  char to[11];
} bo_checkout_window;

/* What a label says, shared by the labels that say the same. */
typedef struct bo_checkout_wording {
  size_t struct_size;
  const char *text;              /* "Backorder – ships in 10–14 days" */
  const char *short_text;        /* "Ships Dec 10 – 14" */
  const char *schema_org;        /* "https://schema.org/BackOrder" */
  const char *merchant;          /* Google Merchant availability: "backorder" */
  const char *availability_date; /* ISO 8601 with offset, or "" */
  bo_availability status;
} bo_checkout_wording;

/*
 * A label of the plan: element i is line i's, element line_count + j alternative j's; their sku and quantity
 * are their line's or alternative's (an alternative is labelled for its line's quantity).
 */
typedef struct bo_checkout_label {
  size_t struct_size;
  int64_t sellable;
  int64_t ship_now;     /* of quantity, ships from stock */
  int64_t later;        /* of quantity, waits for supply or release */
  int64_t unavailable;  /* of quantity, cannot be ordered */
  int32_t wording;      /* index in the wordings */
  int32_t now_window;   /* index in the windows; -1 when nothing ships now */
  int32_t later_window; /* -1 when nothing waits */
  int32_t notify_me;    /* 1: offer "notify me" */
} bo_checkout_label;

/* bo_checkout_line.options: what the shopper may choose for a line, in the JSON's order. */
#define BO_OPTION_WAIT 1u
#define BO_OPTION_NOTIFY_ME 2u
#define BO_OPTION_ALTERNATIVE 4u
#define BO_OPTION_REMOVE 8u

typedef struct bo_checkout_line {
  size_t struct_size;
  const char *line_id;
  size_t line_id_len;
  const char *sku;
  size_t sku_len;
  const char *name; /* "Field jacket, navy, M" */
  size_t name_len;
  int64_t quantity;
  int64_t unit_price; /* minor units */
  int64_t amount;     /* unit_price * quantity */
  size_t first_alternative;
  size_t alternative_count;
  uint32_t options; /* BO_OPTION_*; 0 when the whole line ships now */
  int32_t preorder; /* 1: ships apart on its release day */
} bo_checkout_line;

/* An in-stock item offered instead of a line that waits. */
typedef struct bo_checkout_alternative {
  size_t struct_size;
  const char *sku;
  size_t sku_len;
  const char *name;
  size_t name_len;
  int64_t price; /* catalog price, minor units */
} bo_checkout_alternative;

/* One way to ship: "ship_available" or "ship_together", with its payment advice. */
typedef struct bo_checkout_strategy {
  size_t struct_size;
  const char *id;
  const char *disclosure; /* what choosing it means, in the shopper's words */
  size_t disclosure_len;
  const char *advice;                /* "authorize_now", "charge_at_shipment", "charge_now" */
  const char *authorization_expires; /* ISO 8601 with offset */
  int64_t shipping_total;
  int64_t customer_pays;
  int64_t shop_pays;
  size_t first_shipment;
  size_t shipment_count;
  int32_t complete;     /* window: when the last shipment leaves */
  char latest_ship[11]; /* "YYYY-MM-DD" */
} bo_checkout_strategy;

typedef struct bo_checkout_shipment {
  size_t struct_size;
  int64_t charge; /* what it costs to send, before who pays is decided */
  size_t first_item;
  size_t item_count;
  int32_t ship;     /* window */
  int32_t delivery; /* window */
} bo_checkout_shipment;

typedef struct bo_checkout_shipment_item {
  size_t struct_size;
  const char *line_id;
  size_t line_id_len;
  int64_t quantity;
} bo_checkout_shipment_item;

typedef struct bo_checkout_disclosure {
  size_t struct_size;
  const char *kind; /* "backorder", "preorder", "cancellation", "payment" */
  const char *line_id;
  size_t line_id_len; /* 0: about the whole order */
  const char *text;
  size_t text_len;
} bo_checkout_disclosure;

BO_API bo_status bo_checkout_summarize(bo_checkout_summary *out, const bo_checkout *plan);

/*
 * The block that holds every string of the plan's structs: a host may copy it once and find each string at
 * its pointer's offset from *out. *out_len counts the block's bytes, NULs included.
 */
BO_API bo_status bo_checkout_texts(const char **out, size_t *out_len, const bo_checkout *plan);

/*
 * Elements [first, first + count) of one of the plan's arrays into out[0..count), each with struct_size set.
 * A range beyond the array's length (bo_checkout_summary) is BO_EINVALID and writes nothing.
 */
BO_API bo_status bo_checkout_lines(bo_checkout_line *out, const bo_checkout *plan, size_t first,
                                   size_t count);
BO_API bo_status bo_checkout_alternatives(bo_checkout_alternative *out, const bo_checkout *plan, size_t first,
                                          size_t count);
BO_API bo_status bo_checkout_labels(bo_checkout_label *out, const bo_checkout *plan, size_t first,
                                    size_t count);
BO_API bo_status bo_checkout_wordings(bo_checkout_wording *out, const bo_checkout *plan, size_t first,
                                      size_t count);
BO_API bo_status bo_checkout_windows(bo_checkout_window *out, const bo_checkout *plan, size_t first,
                                     size_t count);
BO_API bo_status bo_checkout_strategies(bo_checkout_strategy *out, const bo_checkout *plan, size_t first,
                                        size_t count);
BO_API bo_status bo_checkout_shipments(bo_checkout_shipment *out, const bo_checkout *plan, size_t first,
                                       size_t count);
BO_API bo_status bo_checkout_shipment_items(bo_checkout_shipment_item *out, const bo_checkout *plan,
                                            size_t first, size_t count);
BO_API bo_status bo_checkout_disclosures(bo_checkout_disclosure *out, const bo_checkout *plan, size_t first,
                                         size_t count);

/*
 * The consent record to keep with the order: {"plan": PLAN, "choice": {"strategy", "lines"}, "now"} -> what
 * the shopper saw and chose. Choices must be ones the plan offered.
 */
BO_API bo_status bo_consent_json(char **out_json, size_t *out_len, const char *request_json, size_t len);

/* Checks a stored consent record and returns it in canonical form (a record round-trips unchanged). */
BO_API bo_status bo_consent_check_json(char **out_json, size_t *out_len, const char *record_json, size_t len);

/* ---- the ledger (store) ------------------------------------------------------------------------- */

/*
 * A shop's durable ledger (docs/store.md): orders and what they were promised, stock and supply, notify-me
 * subscriptions, and the outbox of customer messages. Opened by URL: "sqlite:PATH" or "sqlite::memory:"
 * (embedded, the default) or "postgresql://..." (libpq). Rows are scoped by the engine's shop. A bo_store
 * belongs to one thread at a time; open one per thread (many may share one database, across processes).
 */
typedef struct bo_store bo_store;

/*
 * Opens the ledger and runs the schema migrations it lacks. `options_json` may be NULL (len 0) or
 * {"secret": "...", "busy_timeout_ms": 10000}; the secret (at least 16 bytes) signs the links in messages and
 * is needed for notify-me. On success *out is yours: release it with bo_store_free(). The store keeps
 * `engine` alive, so bo_engine_free() may come first. The URL never appears in error messages.
 */
BO_API bo_status bo_store_open(bo_store **out, const bo_engine *engine, const char *url, size_t url_len,
                               const char *options_json, size_t options_len);
BO_API void bo_store_free(bo_store *store);

/*
 * Applies one event (a JSON object) or a batch (an array) in one transaction, idempotently by event id, and
 * writes the messages they call for into the outbox (docs/store.md#events). A bad event changes nothing: the
 * last error names its path ("[3].order.lines[0].sku" in a batch). The answer lists each event's status.
 * Time passing is an event too: {"id", "type": "tick", "at"} writes the delay notices the compliance rules
 * require and cancels, with the exact refund, the orders they cancel (docs/store.md#compliance-scheduling);
 * {"type": "delay_reply", "order_id", "answer": "consent" | "cancel"} records the shopper's answer.
 */
BO_API bo_status bo_store_apply_json(char **out_json, size_t *out_len, bo_store *store,
                                     const char *events_json, size_t len);

/*
 * Leases messages that are due: {"max": 10, "lease_seconds": 60, "now": "..."} -> {"messages": [...]}. Settle
 * each with bo_store_ack() once sent, or bo_store_release(); an unsettled lease runs out and the message is
 * handed out again (at least once; drop repeats by their "key").
 */
BO_API bo_status bo_store_claim_json(char **out_json, size_t *out_len, bo_store *store,
                                     const char *request_json, size_t len);
BO_API bo_status bo_store_ack(bo_store *store, const int64_t *ids, size_t count);
BO_API bo_status bo_store_release(bo_store *store, const int64_t *ids, size_t count);

/* Lists the outbox without leasing: {"state": "pending" | "leased" | "sent" | "", "limit", "now"}. */
BO_API bo_status bo_store_outbox_json(char **out_json, size_t *out_len, bo_store *store,
                                      const char *request_json, size_t len);

/* An order as the ledger knows it (lines, promised, current and told windows, consent, shipments). */
BO_API bo_status bo_store_order_json(char **out_json, size_t *out_len, bo_store *store, const char *order_id,
                                     size_t len);

/* Labels ({"now", "locale", "skus"}) and checkout plans ({"now", "cart", "customer"}) over the ledger's
 * facts. */
BO_API bo_status bo_store_labels_json(char **out_json, size_t *out_len, bo_store *store,
                                      const char *request_json, size_t len);
BO_API bo_status bo_store_checkout_json(char **out_json, size_t *out_len, bo_store *store,
                                        const char *request_json, size_t len);

/* ---- refunds ------------------------------------------------------------------------------------- */

/*
 * Quotes a cancellation (docs/json.md#refunds): {"now", "order", "cancel": "all" | [{"line_id", "quantity"}]}
 * -> per line the items, discount share, tax, deposit and total refunded; the shipping refunded and why; the
 * grand total; the deadline and method the jurisdiction sets for the payment method, with its citation. Every
 * split is exact to the minor unit. Pure: nothing is recorded; a bad request names each problem's path
 * ("order.lines[2].shipped", "cancel[0].quantity") in bo_last_error_json().
 */
BO_API bo_status bo_engine_refund_json(char **out_json, size_t *out_len, const bo_engine *engine,
                                       const char *request_json, size_t len);

/* ---- compliance ---------------------------------------------------------------------------------- */

/*
 * Checks a listing against the rule packs in force (docs/compliance.md): the built-in packs, replaced by
 * the policy's compliance.packs and the request's own "packs" with the same id. Request
 * (docs/json.md#compliance):
 *   {"now", "item", "stock", "label", "page": {"claims": [...]}, "feed": {"availability",
 * "availability_date"}, "channels": ["google", "amazon", "ebay"], "marketplaces": {...}, "jurisdiction",
 * "packs"} Answer: {"findings": [{"rule_id", "pack", "severity", "message", "due", "action", "citation",
 * "path"}], "packs": [...]}, sorted by due date. A bad request is BO_EINVALID with its path and checks
 * nothing.
 */
BO_API bo_status bo_engine_check_listing_json(char **out_json, size_t *out_len, const bo_engine *engine,
                                              const char *request_json, size_t len);

/*
 * Checks an order: {"now", "order": {"id", "jurisdiction", "placed_at", "stated", "credit_applied",
 * "promise", "consent", "notices", "shipped_at", "cancelled", "refund", "payment", ...}, "packs"}.
 * The findings say which notice, consent, cancellation or refund is due when (US FTC, EU, UK, cards).
 */
BO_API bo_status bo_engine_check_order_json(char **out_json, size_t *out_len, const bo_engine *engine,
                                            const char *request_json, size_t len);

/* The rule packs in force for this engine: {"packs": [PACK, ...]}, every parameter filled in. */
BO_API bo_status bo_engine_rule_packs_json(char **out_json, size_t *out_len, const bo_engine *engine);
/* ---- remedies, the support desk brief, the merchant report --------------------------------------- */

/*
 * The remedies the policy grants one delayed order (docs/remedies.md): rules in order, stacking, budgets per
 * order and per period. Request: {"order_value", "delayed_value", "delay_business_days", "tier",
 * "lifetime_value", "cause", "order_spent", "period_spent", "granted_rules"} (money in minor units; the
 * period's spend is an input). Answer: {"remedies": [{"rule", "type", "cost", "capped", "why", ...}],
 * "outreach", "cost", "currency", "budget", "rules": [{"rule", "status", "stack", "why", "conditions",
 * "actions"}]}: every rule's decision and the reason for it. Pure: nothing is recorded.
 */
BO_API bo_status bo_engine_remedies_json(char **out_json, size_t *out_len, const bo_engine *engine,
                                         const char *request_json, size_t len);

/*
 * A support agent's brief for one order (docs/store.md#support-desk-and-report), in the agent's locale:
 * {"order_id", "now", "locale"} -> {"status", "title", "acknowledgement", "lines" (current date and its
 * source against the promise), "options", "remedies" ("may_offer" within the budgets, "granted", "outreach"),
 * "policy", "next_steps", "text"}. Reads only. BO_ENOTFOUND for an unknown order.
 */
BO_API bo_status bo_store_brief_json(char **out_json, size_t *out_len, bo_store *store,
                                     const char *request_json, size_t len);

/*
 * The merchant report: {"now"} -> {"totals", "items": [{"sku", "name", "waiting_units", "waiting_orders",
 * "oldest_wait_days", "at_risk", "next_inbound", "deadlines"}], "deadlines"}. Reads only.
 */
BO_API bo_status bo_store_report_json(char **out_json, size_t *out_len, bo_store *store,
                                      const char *request_json, size_t len);

#ifdef __cplusplus
}
#endif

#endif /* BACKORDER_H */
