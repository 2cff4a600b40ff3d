# `backorder refund` (docs/cli.md#refund): the apparel example as a table and as JSON, --now, --policy, errors.
set(BO_REFUND ${BO_APPAREL}/refund.json)

bo_cli_test(refund_table ARGS refund ${BO_REFUND} EXIT 0
            STDOUT "^refund at 2026-12-03T10:00:00-05:00 \\(USD, prices exclude tax\\)\n"
                   "\nLINE +SKU +QTY +ITEMS +DISCOUNT +TAX +DEPOSIT +TOTAL\n"
                   "\n1 +JKT-NAVY-M +1 +USD 129\\.00 +USD -4\\.00 +USD 10\\.31 +USD 0\\.00 +USD 135\\.31\n"
                   "\n3 +JNS-SLIM-32 +1 +USD 79\\.00 +USD -2\\.46 +USD 6\\.32 +USD 0\\.00 +USD 82\\.86\n"
                   "\nshipping +USD 3\\.84 \\(proportional\\)\n" "\ntotal +USD 222\\.01\n"
                   "\nrefund by 2026-12-14: 7 working days, original_payment \\(us_ftc_card, US, card\\)\n"
                   "16 CFR 435\\.1\\(b\\)\\(1\\)")
bo_cli_test(refund_json ARGS refund ${BO_REFUND} --format json EXIT 0 JSON "total=22201")
bo_cli_test(refund_json_deadline ARGS refund ${BO_REFUND} --format=json EXIT 0 JSON "deadline;due=2026-12-14")
# --now overrides the request's: Monday 23 November, seven working days skipping Thanksgiving.
bo_cli_test(refund_now ARGS refund ${BO_REFUND} --now 2026-11-23T10:00:00-05:00 --format json EXIT 0
            JSON "deadline;due=2026-12-03")
bo_cli_test(refund_policy ARGS refund ${BO_REFUND} --policy ${BO_APPAREL}/policy.json --format json EXIT 0
            JSON "lines;1;line_id=3")
bo_cli_test(refund_bad_request ARGS refund ${BO_CLI_DATA}/bad_refund.json EXIT 2
            STDERR "bad_refund\\.json: order\\.payment: " "\nbackorder: [^\n]*bad_refund\\.json: ")
bo_cli_test(refund_every_problem ARGS refund ${BO_CLI_DATA}/bad_refund.json EXIT 2 NOT_STDOUT "."
            STDERR "order\\.lines\\[0\\]\\.shipped: " "order\\.lines\\[1\\]\\.unit_price: "
                   "order\\.jurisdiction: ")
bo_cli_test(refund_no_request ARGS refund EXIT 2 STDERR "refund needs a request file")
bo_cli_test(refund_missing_file ARGS refund ${BO_CLI_DATA}/nope.json EXIT 2 STDERR "cannot read [^\n]*nope\\.json")
bo_cli_test(refund_bad_format ARGS refund ${BO_REFUND} --format xml EXIT 2 STDERR "--format is table or json")
bo_cli_test(refund_two_requests ARGS refund ${BO_REFUND} ${BO_REFUND} EXIT 2 STDERR "refund takes one request")
