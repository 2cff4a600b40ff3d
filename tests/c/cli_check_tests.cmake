# ctest entries for `backorder check` (docs/cli.md#check): listings and orders from examples/compliance,
# exit status 1 on a violation, a pack given per call, and bad requests named by path.
set(BO_COMPLIANCE ${PROJECT_SOURCE_DIR}/examples/compliance)

bo_cli_test(check_only_2_left ARGS check ${BO_COMPLIANCE}/only-2-left.json EXIT 1
            STDOUT "^SEVERITY +DUE +RULE +ACTION +MESSAGE\n"
                   "\nviolation +2026-11-30 +scarcity\\.only_left +fix_listing +The page says \"Only 2 left\" while 10 are sellable"
                   "\n  scarcity\\.only_left: [^\n]+ \\[S\\]\n" "\npacks: truthful-scarcity\n")
bo_cli_test(check_only_2_left_json ARGS check ${BO_COMPLIANCE}/only-2-left.json --format json EXIT 1
            JSON "findings;0;rule_id=scarcity.only_left")
bo_cli_test(check_listing_channels ARGS check ${BO_COMPLIANCE}/listing.json EXIT 1
            STDOUT "\nviolation +2026-11-30 +amazon\\.ship_within +fix_listing +[^\n]+ships by 2027-01-14 \\(45 days\\)"
                   "\nviolation +2026-11-30 +google\\.availability_date_required +fix_feed "
                   "\nviolation +2026-11-30 +ebay\\.presale_wording "
                   "\npacks: amazon, ebay, google-merchant, truthful-scarcity\n")
bo_cli_test(check_listing_pack_off ARGS check ${BO_COMPLIANCE}/listing.json --pack ${BO_CLI_DATA}/amazon_off.json
            EXIT 1 STDOUT "google\\.availability_date_required" NOT_STDOUT "amazon\\.")
bo_cli_test(check_order_long_delay ARGS check ${BO_COMPLIANCE}/order-long-delay.json --order EXIT 0
            STDOUT "\ndue +2027-01-29 +ftc\\.express_consent +obtain_consent "
                   "\ndue +2027-01-30 +ftc\\.cancel\\.no_consent +cancel_and_refund "
                   "\n  ftc\\.cancel\\.no_consent: 16 CFR 435\\.2\\(c\\) \\[S\\]\n")
bo_cli_test(check_order_auto_cancelled ARGS check ${BO_COMPLIANCE}/order-long-delay.json --now 2027-02-01T10:00:00-05:00
            EXIT 1 STDOUT "\nviolation +2027-01-30 +ftc\\.cancel\\.no_consent " "\ndue +2027-02-09 +ftc\\.refund +refund ")
bo_cli_test(check_order_eu ARGS check ${BO_COMPLIANCE}/order-eu-late.json --format=json EXIT 1
            JSON "findings;0;citation;source=Directive 2011/83/EU Art. 18(2)")
bo_cli_test(check_packs ARGS check --packs EXIT 0 JSON "packs;7;id=us-ftc-mail-order")
bo_cli_test(check_bad_order ARGS check ${BO_CLI_DATA}/check_bad_order.json EXIT 2
            STDERR "check_bad_order\\.json: order\\.colour: " "check_bad_order\\.json: order\\.notices\\[0\\]\\.sent_at: ")
bo_cli_test(check_listing_as_order ARGS check ${BO_COMPLIANCE}/only-2-left.json --order EXIT 2 STDERR "only-2-left\\.json: item: ")
bo_cli_test(check_no_request ARGS check EXIT 2 STDERR "check needs a request file")
bo_cli_test(check_bad_format ARGS check ${BO_COMPLIANCE}/only-2-left.json --format xml EXIT 2
            STDERR "--format is table or json")
