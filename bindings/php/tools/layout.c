/* Prints the C layout of the typed structs as JSON, so tests can check that PHP FFI, reading the
 * generated header, lays them out exactly as the C compiler does. Built and run by bindings/php. */
#include <stddef.h>
#include <stdio.h>

#include "backorder.h"

#define FIELD(T, f) printf("%s\"%s\": %zu", first ? "" : ", ", #f, offsetof(T, f)), first = 0

int main(void) {
  int first = 1;
  printf("{\"bo_item\": {\"sizeof\": %zu, \"offsets\": {", sizeof(bo_item));
  FIELD(bo_item, struct_size);
  FIELD(bo_item, sku);
  FIELD(bo_item, sku_len);
  FIELD(bo_item, quantity);
  FIELD(bo_item, on_hand);
  FIELD(bo_item, reserved);
  FIELD(bo_item, safety_stock);
  FIELD(bo_item, promised);
  FIELD(bo_item, backordered);
  FIELD(bo_item, lead_min_days);
  FIELD(bo_item, lead_max_days);
  FIELD(bo_item, max_backorder);
  FIELD(bo_item, low_stock_threshold);
  FIELD(bo_item, release_date);
  FIELD(bo_item, flags);
  first = 1;
  printf("}},\n \"bo_label\": {\"sizeof\": %zu, \"offsets\": {", sizeof(bo_label));
  FIELD(bo_label, struct_size);
  FIELD(bo_label, error);
  FIELD(bo_label, status);
  FIELD(bo_label, sellable);
  FIELD(bo_label, ship_now);
  FIELD(bo_label, later);
  FIELD(bo_label, unavailable);
  FIELD(bo_label, notify_me);
  FIELD(bo_label, now_min_days);
  FIELD(bo_label, now_max_days);
  FIELD(bo_label, later_min_days);
  FIELD(bo_label, later_max_days);
  FIELD(bo_label, now_from);
  FIELD(bo_label, now_to);
  FIELD(bo_label, later_from);
  FIELD(bo_label, later_to);
  FIELD(bo_label, text);
  FIELD(bo_label, short_text);
  FIELD(bo_label, schema_org);
  FIELD(bo_label, merchant);
  FIELD(bo_label, availability_date);
  FIELD(bo_label, error_message);
  FIELD(bo_label, error_path);
  printf("}}}\n");
  return 0;
}
