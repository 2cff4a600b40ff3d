/*
 * The smallest outside program: found through pkg-config or find_package(backorder) in an installed
 * prefix, it labels the backordered jacket and exits 0 only when the label is the expected one.
 *
 *   consumer POLICY_FILE
 */
#include <backorder.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv) {
  static const char request[] =
      "{\"item\": {\"sku\": \"JKT-NAVY-M\", \"lead_time_days\": {\"min\": 10, \"max\": 14}},"
      " \"stock\": {\"on_hand\": 0}, \"locale\": \"en-US\", \"now\": \"2026-11-30T09:00:00-05:00\"}";
  static const char want[] =
      "\"text\":\"Backorder \xE2\x80\x93 ships in 10\xE2\x80\x93"
      "14 days\"";
  char policy[1 << 16];
  size_t len;
  bo_engine *engine = NULL;
  char *answer = NULL;
  int ok;
  FILE *f;

  if (argc != 2 || (f = fopen(argv[1], "rb")) == NULL) {
    fprintf(stderr, "usage: consumer POLICY_FILE\n");
    return 2;
  }
  len = fread(policy, 1, sizeof policy, f);
  fclose(f);
  if (bo_engine_new(&engine, policy, len) != BO_OK ||
      bo_engine_label_json(&answer, NULL, engine, request, sizeof request - 1) != BO_OK) {
    fprintf(stderr, "consumer: %s: %s\n", bo_last_error_path(), bo_last_error_message());
    return 1;
  }
  ok = strstr(answer, want) != NULL && bo_abi_version() == BO_ABI_VERSION;
  printf("libbackorder %s (ABI %u): %s\n", bo_version_string(), (unsigned)bo_abi_version(), answer);
  bo_free(answer);
  bo_engine_free(engine);
  return ok ? 0 : 1;
}
