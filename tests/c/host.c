/*
 * A plain C99 host of libbackorder: loads the apparel policy, labels the navy jacket through the JSON call
 * and the typed call, prints what it got, and exits non-zero when anything differs from what is expected.
 *
 *   host POLICY_FILE
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backorder.h"

static int failures = 0;

static void check(int ok, const char *what) {
  if (!ok) {
    fprintf(stderr, "FAIL: %s\n", what);
    ++failures;
  }
}

static void check_str(const char *got, const char *want, const char *what) {
  if (got == NULL || strcmp(got, want) != 0) {
    fprintf(stderr, "FAIL: %s: got \"%s\", want \"%s\"\n", what, got ? got : "(null)", want);
    ++failures;
  }
}

/* Does `json` have a member "key": "value" (at any depth; whitespace around the colon allowed)? */
static int has_string(const char *json, const char *key, const char *value) {
  size_t klen = strlen(key), vlen = strlen(value);
  const char *p = json;
  while (p != NULL && (p = strstr(p, "\"")) != NULL) {
    const char *q;
    ++p;
    if (strncmp(p, key, klen) != 0 || p[klen] != '"') continue;
    q = p + klen + 1;
    while (*q == ' ' || *q == '\n' || *q == '\t' || *q == '\r') ++q;
    if (*q++ != ':') continue;
    while (*q == ' ' || *q == '\n' || *q == '\t' || *q == '\r') ++q;
    if (*q == '"' && strncmp(q + 1, value, vlen) == 0 && q[1 + vlen] == '"') return 1;
  }
  return 0;
}

static int has_true(const char *json, const char *key) {
  const char *p = json ? strstr(json, key) : NULL;
  if (p == NULL) return 0;
  p += strlen(key) + 1; /* past the closing quote */
  while (*p == ' ' || *p == ':') ++p;
  return strncmp(p, "true", 4) == 0;
}

static char *read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  char *buf = NULL;
  size_t cap = 0, n = 0;
  if (f == NULL) return NULL;
  for (;;) {
    size_t got;
    if (n + 4096 > cap) {
      char *bigger;
      cap = cap ? cap * 2 : 8192;
      bigger = (char *)realloc(buf, cap);
      if (bigger == NULL) {
        free(buf);
        fclose(f);
        return NULL;
      }
      buf = bigger;
    }
    got = fread(buf + n, 1, cap - n, f);
    n += got;
    if (got == 0) break;
  }
  fclose(f);
  *len = n;
  return buf;
}

/* 2026-11-30T09:00:00-05:00 */
#define NOW_ISO "2026-11-30T09:00:00-05:00"
#define NOW_MS INT64_C(1796047200000)
#define JACKET_TEXT                                \
  "Backorder \xE2\x80\x93 ships in 10\xE2\x80\x93" \
  "14 days"

/* A typed checkout plan: the backordered jacket and an in-stock scarf, read as structs. */
static void check_typed_checkout(const bo_engine *engine) {
  static const char request[] =
      "{\"now\": \"" NOW_ISO
      "\","
      " \"items\": [{\"sku\": \"JKT-NAVY-M\", \"name\": \"Field jacket, navy, M\", \"price\": 12900,"
      " \"lead_time_days\": {\"min\": 10, \"max\": 14}}, {\"sku\": \"SCF-WOOL-GRY\", \"price\": 3500}],"
      " \"stock\": [{\"sku\": \"JKT-NAVY-M\", \"on_hand\": 0}, {\"sku\": \"SCF-WOOL-GRY\", \"on_hand\": 40}],"
      " \"cart\": {\"currency\": \"USD\", \"lines\": [{\"line_id\": \"1\", \"sku\": \"JKT-NAVY-M\"},"
      " {\"line_id\": \"2\", \"sku\": \"SCF-WOOL-GRY\"}]}, \"customer\": {\"locale\": \"en-US\"}}";
  bo_checkout *plan = NULL;
  bo_checkout_summary s;
  bo_checkout_line lines[2];
  bo_checkout_label labels[2];
  bo_checkout_wording words[4];
  bo_checkout_window windows[4];
  const char *text = NULL;
  size_t i, text_len = 0;
  bo_status st = bo_engine_checkout(&plan, engine, request, sizeof request - 1);
  check(st == BO_OK, "bo_engine_checkout returns BO_OK");
  if (st != BO_OK) {
    fprintf(stderr, "bo_engine_checkout: %s: %s\n", bo_last_error_path(), bo_last_error_message());
    return;
  }
  memset(&s, 0, sizeof s);
  s.struct_size = sizeof s;
  check(bo_checkout_summarize(&s, plan) == BO_OK, "bo_checkout_summarize returns BO_OK");
  check(s.line_count == 2 && s.alternative_count == 0 && s.mixed == 1, "two lines, mixed");
  check(s.wording_count <= 4 && s.window_count <= 4, "few wordings and windows");
  for (i = 0; i < 4; ++i) {
    memset(&words[i], 0, sizeof words[i]);
    words[i].struct_size = sizeof words[i];
    memset(&windows[i], 0, sizeof windows[i]);
    windows[i].struct_size = sizeof windows[i];
  }
  for (i = 0; i < 2; ++i) {
    memset(&lines[i], 0, sizeof lines[i]);
    lines[i].struct_size = sizeof lines[i];
    memset(&labels[i], 0, sizeof labels[i]);
    labels[i].struct_size = sizeof labels[i];
  }
  check(bo_checkout_lines(lines, plan, 0, 2) == BO_OK, "bo_checkout_lines returns BO_OK");
  check(bo_checkout_labels(labels, plan, 0, 2) == BO_OK, "bo_checkout_labels returns BO_OK");
  check(bo_checkout_wordings(words, plan, 0, s.wording_count) == BO_OK, "bo_checkout_wordings returns BO_OK");
  check(bo_checkout_windows(windows, plan, 0, s.window_count) == BO_OK, "bo_checkout_windows returns BO_OK");
  check(bo_checkout_lines(lines, plan, 1, 2) == BO_EINVALID, "a range beyond the lines is BO_EINVALID");
  check(lines[0].name_len == 21 && strncmp(lines[0].name, "Field jacket, navy, M", 21) == 0, "line name");
  check(lines[0].options == (BO_OPTION_WAIT | BO_OPTION_NOTIFY_ME | BO_OPTION_REMOVE), "jacket options");
  check(lines[1].options == 0, "the scarf ships now");
  check(labels[0].wording >= 0 && (size_t)labels[0].wording < s.wording_count, "jacket wording index");
  check(labels[0].later_window >= 0 && labels[0].now_window == -1, "jacket windows");
  if (labels[0].wording >= 0 && labels[0].later_window >= 0) {
    check_str(words[labels[0].wording].text, JACKET_TEXT, "typed checkout text");
    check_str(windows[labels[0].later_window].from, "2026-12-10", "typed checkout later from");
    printf("typed checkout: %.*s: %s (%s..%s)\n", (int)lines[0].name_len, lines[0].name,
           words[labels[0].wording].text, windows[labels[0].later_window].from,
           windows[labels[0].later_window].to);
  }
  check(bo_checkout_texts(&text, &text_len, plan) == BO_OK, "bo_checkout_texts returns BO_OK");
  check(lines[0].name >= text && lines[0].name + lines[0].name_len < text + text_len,
        "names lie in the block");
  bo_checkout_free(plan);
}

int main(int argc, char **argv) {
  bo_engine *engine = NULL;
  bo_labeler *labeler = NULL;
  char *policy, *answer = NULL, *validation = NULL;
  size_t policy_len = 0, answer_len = 0;
  bo_status st;
  static const char request[] =
      "{\"item\": {\"sku\": \"JKT-NAVY-M\", \"lead_time_days\": {\"min\": 10, \"max\": 14}},"
      " \"stock\": {\"on_hand\": 0}, \"quantity\": 1, \"locale\": \"en-US\", \"now\": \"" NOW_ISO "\"}";
  static const char sku[] = "JKT-NAVY-M";
  bo_item item;
  bo_label label;

  if (argc != 2) {
    fprintf(stderr, "usage: %s POLICY_FILE\n", argv[0]);
    return 2;
  }
  printf("libbackorder %s (number %u, ABI %u)\n", bo_version_string(), (unsigned)bo_version_number(),
         (unsigned)bo_abi_version());
  check(bo_abi_version() == BO_ABI_VERSION, "ABI version of the loaded library matches the header");
  check(bo_version_number() == BO_VERSION_NUMBER, "version number matches the header");

  policy = read_file(argv[1], &policy_len);
  if (policy == NULL) {
    fprintf(stderr, "cannot read %s\n", argv[1]);
    return 2;
  }

  /* Validation. */
  st = bo_policy_validate(&validation, NULL, policy, policy_len);
  check(st == BO_OK, "bo_policy_validate returns BO_OK");
  check(has_true(validation, "\"valid"), "policy is valid");
  printf("validate: %s\n", validation ? validation : "(null)");
  bo_free(validation);

  /* Errors: a NULL argument is BO_EINVALID with a message, never NULL. */
  st = bo_engine_new(NULL, policy, policy_len);
  check(st == BO_EINVALID, "bo_engine_new(NULL, ...) is BO_EINVALID");
  check(bo_last_error_code() == BO_EINVALID, "last error code");
  check(bo_last_error_message() != NULL && bo_last_error_message()[0] != '\0', "last error message");
  printf("expected error: %s: %s\n", bo_last_error_path(), bo_last_error_message());

  st = bo_engine_new(&engine, policy, policy_len);
  free(policy);
  if (st != BO_OK) {
    fprintf(stderr, "bo_engine_new: %d %s: %s\n", (int)st, bo_last_error_path(), bo_last_error_message());
    return 1;
  }

  /* The JSON call. */
  st = bo_engine_label_json(&answer, &answer_len, engine, request, sizeof request - 1);
  check(st == BO_OK, "bo_engine_label_json returns BO_OK");
  if (st == BO_OK) {
    printf("json: %s\n", answer);
    check(strlen(answer) == answer_len, "out_len is the answer's length");
    check(has_string(answer, "text", JACKET_TEXT), "JSON text is the jacket's backorder label");
    check(has_string(answer, "status", "backorder"), "JSON status is backorder");
    check(has_string(answer, "from", "2026-12-10"), "JSON later window starts 2026-12-10");
    check(has_string(answer, "to", "2026-12-14"), "JSON later window ends 2026-12-14");
    check(has_string(answer, "availability_date", "2026-12-10T00:00:00-05:00"), "JSON availability_date");
    check(has_string(answer, "schema_org", "https://schema.org/BackOrder"), "JSON schema.org");
    bo_free(answer);
  } else {
    fprintf(stderr, "bo_engine_label_json: %s: %s\n", bo_last_error_path(), bo_last_error_message());
  }

  check_typed_checkout(engine);

  /* The typed call. */
  st = bo_labeler_new(&labeler, engine, "en-US", 5, NOW_MS);
  check(st == BO_OK, "bo_labeler_new returns BO_OK");
  bo_engine_free(engine); /* the labeler keeps the engine alive */
  if (st == BO_OK) {
    memset(&item, 0, sizeof item);
    item.struct_size = sizeof item;
    item.sku = sku;
    item.sku_len = sizeof sku - 1;
    item.quantity = 1;
    item.lead_min_days = 10;
    item.lead_max_days = 14;
    item.max_backorder = BO_UNSET;
    item.low_stock_threshold = BO_UNSET;
    memset(&label, 0, sizeof label);
    label.struct_size = sizeof label;

    st = bo_labeler_run(&label, labeler, &item, 1);
    check(st == BO_OK, "bo_labeler_run returns BO_OK");
    check(label.error == BO_OK, "the row has no error");
    printf("typed: status %d, \"%s\", later %s..%s (%d-%d days), %s, %s, %s\n", (int)label.status,
           label.text ? label.text : "(null)", label.later_from, label.later_to, (int)label.later_min_days,
           (int)label.later_max_days, label.schema_org ? label.schema_org : "(null)",
           label.merchant ? label.merchant : "(null)",
           label.availability_date ? label.availability_date : "(null)");
    check(label.status == BO_AVAILABILITY_BACKORDER, "typed status is backorder");
    check_str(label.text, JACKET_TEXT, "typed text");
    check_str(label.later_from, "2026-12-10", "typed later_from");
    check_str(label.later_to, "2026-12-14", "typed later_to");
    check(label.later_min_days == 10 && label.later_max_days == 14, "typed later days 10-14");
    check_str(label.now_from, "", "typed now_from");
    check_str(label.merchant, "backorder", "typed merchant");
    check_str(label.availability_date, "2026-12-10T00:00:00-05:00", "typed availability_date");
    check_str(label.error_message, "", "typed error_message");

    /* A bad row: reported in its label, the call still succeeds. */
    item.quantity = 0;
    st = bo_labeler_run(&label, labeler, &item, 1);
    check(st == BO_OK, "a bad row does not fail the call");
    check(label.error == BO_EINVALID, "the bad row's error is BO_EINVALID");
    check_str(label.error_path, "items[0].quantity", "the bad row's path");
    printf("bad row: %s: %s\n", label.error_path, label.error_message);
  }
  bo_labeler_free(labeler);

  if (failures != 0) {
    fprintf(stderr, "%d check(s) failed\n", failures);
    return 1;
  }
  printf("all checks passed\n");
  return 0;
}
