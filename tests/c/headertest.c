/* Compiles backorder.h on its own, as C99 and as C++ (-Wall -Wextra -pedantic -Werror), and uses each
 * declaration so that a broken prototype or type is an error. Built, never run. */
#include "backorder.h"
#include "backorder.h" /* include guard */

typedef char bo_check_status_is_32_bits[sizeof(bo_status) == 4 ? 1 : -1];
typedef char bo_check_unset[BO_UNSET < 0 ? 1 : -1];
typedef char bo_check_version
    [BO_VERSION_NUMBER == BO_VERSION_MAJOR * 10000 + BO_VERSION_MINOR * 100 + BO_VERSION_PATCH ? 1 : -1];

int bo_headertest(void);
int bo_headertest(void) {
  const char *(*version_string)(void) = bo_version_string;
  uint32_t (*version_number)(void) = bo_version_number;
  uint32_t (*abi_version)(void) = bo_abi_version;
  bo_status (*code)(void) = bo_last_error_code;
  const char *(*message)(void) = bo_last_error_message;
  const char *(*path)(void) = bo_last_error_path;
  const char *(*issues)(void) = bo_last_error_json;
  void (*free_fn)(void *) = bo_free;
  bo_status (*validate)(char **, size_t *, const char *, size_t) = bo_policy_validate;
  bo_status (*engine_new)(bo_engine **, const char *, size_t) = bo_engine_new;
  void (*engine_free)(bo_engine *) = bo_engine_free;
  bo_status (*label_json)(char **, size_t *, const bo_engine *, const char *, size_t) = bo_engine_label_json;
  bo_status (*labels_json)(char **, size_t *, const bo_engine *, const char *, size_t) =
      bo_engine_labels_json;
  bo_status (*labeler_new)(bo_labeler **, const bo_engine *, const char *, size_t, int64_t) = bo_labeler_new;
  void (*labeler_free)(bo_labeler *) = bo_labeler_free;
  bo_status (*labeler_run)(bo_label *, bo_labeler *, const bo_item *, size_t) = bo_labeler_run;
  bo_status (*promises_new)(bo_promises **, const bo_engine *, const char *, size_t) = bo_promises_new;
  void (*promises_free)(bo_promises *) = bo_promises_free;
  bo_status (*promises_json)(char **, size_t *, const bo_promises *) = bo_promises_json;
  bo_status (*quote_json)(char **, size_t *, const bo_promises *, const char *, size_t) =
      bo_promises_quote_json;
  bo_status (*apply_json)(char **, size_t *, bo_promises *, const char *, size_t) = bo_promises_apply_json;
  bo_status (*book_labels_json)(char **, size_t *, const bo_promises *, const char *, size_t) =
      bo_promises_labels_json;
  bo_status (*checkout_json)(char **, size_t *, const bo_engine *, const char *, size_t) =
      bo_engine_checkout_json;
  bo_status (*book_checkout_json)(char **, size_t *, const bo_promises *, const char *, size_t) =
      bo_promises_checkout_json;
  bo_status (*consent_json)(char **, size_t *, const char *, size_t) = bo_consent_json;
  bo_status (*consent_check_json)(char **, size_t *, const char *, size_t) = bo_consent_check_json;
  bo_status (*store_open)(bo_store **, const bo_engine *, const char *, size_t, const char *, size_t) =
      bo_store_open;
  void (*store_free)(bo_store *) = bo_store_free;
  bo_status (*store_apply)(char **, size_t *, bo_store *, const char *, size_t) = bo_store_apply_json;
  bo_status (*store_claim)(char **, size_t *, bo_store *, const char *, size_t) = bo_store_claim_json;
  bo_status (*store_ack)(bo_store *, const int64_t *, size_t) = bo_store_ack;
  bo_status (*store_release)(bo_store *, const int64_t *, size_t) = bo_store_release;
  bo_status (*store_outbox)(char **, size_t *, bo_store *, const char *, size_t) = bo_store_outbox_json;
  bo_status (*store_order)(char **, size_t *, bo_store *, const char *, size_t) = bo_store_order_json;
  bo_status (*store_labels)(char **, size_t *, bo_store *, const char *, size_t) = bo_store_labels_json;
  bo_status (*store_checkout)(char **, size_t *, bo_store *, const char *, size_t) = bo_store_checkout_json;
  bo_status (*refund_json)(char **, size_t *, const bo_engine *, const char *, size_t) =
      bo_engine_refund_json;
  bo_item item = {sizeof(bo_item), "A", 1, 1, 0, 0, 0, 0, 0, BO_UNSET, BO_UNSET, BO_UNSET, BO_UNSET, "", 0};
  bo_label label;
  bo_availability statuses[] = {BO_AVAILABILITY_IN_STOCK,     BO_AVAILABILITY_LOW_STOCK,
                                BO_AVAILABILITY_BACKORDER,    BO_AVAILABILITY_PREORDER,
                                BO_AVAILABILITY_OUT_OF_STOCK, BO_AVAILABILITY_DISCONTINUED};
  bo_status codes[] = {BO_OK, BO_EINTERNAL, BO_EINVALID, BO_ENOTFOUND, BO_ENOMEM, BO_EBUFSIZE};
  label.struct_size = sizeof label;
  item.flags = BO_ITEM_DISCONTINUED | BO_ITEM_BACKORDERS_ALLOWED | BO_ITEM_BACKORDERS_SET;
  return (version_string != 0) + (version_number != 0) + (abi_version != 0) + (code != 0) + (message != 0) +
         (path != 0) + (issues != 0) + (free_fn != 0) + (validate != 0) + (engine_new != 0) +
         (engine_free != 0) + (label_json != 0) + (labels_json != 0) + (labeler_new != 0) +
         (labeler_free != 0) + (labeler_run != 0) + (promises_new != 0) + (promises_free != 0) +
         (promises_json != 0) + (quote_json != 0) + (apply_json != 0) + (book_labels_json != 0) +
         (checkout_json != 0) + (book_checkout_json != 0) + (consent_json != 0) + (consent_check_json != 0) +
         (store_open != 0) + (store_free != 0) + (store_apply != 0) + (store_claim != 0) + (store_ack != 0) +
         (store_release != 0) + (store_outbox != 0) + (store_order != 0) + (store_labels != 0) +
         (store_checkout != 0) + (refund_json != 0) + (int)item.flags + (int)label.struct_size +
         (int)statuses[0] + (int)codes[0] + BO_ABI_VERSION;
}
