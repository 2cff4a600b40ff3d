# ctest entries that run the `backorder` command and check its exit status and output (run_cli.cmake).
set(BO_NOW 2026-11-30T09:00:00-05:00)
set(BO_CLI_DATA ${CMAKE_CURRENT_SOURCE_DIR}/data)
set(BO_JACKET_TEXT "Backorder – ships in 10–14 days")

function(bo_cli_test name)
  cmake_parse_arguments(PARSE_ARGV 1 T "" "EXIT;EVERY_STDOUT_LINE;MIN_STDOUT_LINES;JSON;DATA"
                        "ARGS;STDOUT;STDERR;NOT_STDOUT")
  set(defs -DCLI=$<TARGET_FILE:backorder_cli> -DEXIT=${T_EXIT})
  foreach(list ARGS STDOUT STDERR NOT_STDOUT)
    if(DEFINED T_${list})
      string(REPLACE ";" "@@" joined "${T_${list}}")
      list(APPEND defs "-D${list}=${joined}")
    endif()
  endforeach()
  foreach(one EVERY_STDOUT_LINE MIN_STDOUT_LINES JSON DATA)
    if(DEFINED T_${one})
      string(REPLACE ";" "@@" joined "${T_${one}}")
      list(APPEND defs "-D${one}=${joined}")
    endif()
  endforeach()
  add_test(NAME cli_${name} COMMAND ${CMAKE_COMMAND} ${defs} -P ${CMAKE_CURRENT_SOURCE_DIR}/run_cli.cmake)
endfunction()

bo_cli_test(version ARGS --version EXIT 0
            STDOUT "^backorder ${PROJECT_VERSION}\n" "\nlibrary ${PROJECT_VERSION} \\(ABI 1\\)\n")
bo_cli_test(version_json ARGS --version --json EXIT 0 JSON "library;abi_version=1")
bo_cli_test(version_json_library ARGS --version --json EXIT 0 JSON "library;version=${PROJECT_VERSION}")
bo_cli_test(help ARGS --help EXIT 0 STDOUT "usage: backorder")
bo_cli_test(no_command EXIT 2 STDERR "no command" "usage: backorder")
bo_cli_test(unknown_command ARGS frobnicate EXIT 2 STDERR "unknown command \"frobnicate\"")

bo_cli_test(validate_ok ARGS validate ${BO_APPAREL}/policy.json EXIT 0 STDOUT "^ok\n$")
bo_cli_test(validate_bad ARGS validate ${BO_CLI_DATA}/bad_policy.json EXIT 1
            STDOUT "(^|\n)policy\\.calendar\\.time_zone: [^\n]*Mars/Base" "(^|\n)policy\\.colour: "
                   "(^|\n)policy\\.availability\\.lead_time_days[^:\n]*: "
            EVERY_STDOUT_LINE "^policy[][a-z0-9_.]*: .+$" MIN_STDOUT_LINES 3)
bo_cli_test(validate_missing_file ARGS validate ${BO_CLI_DATA}/no-such-policy.json EXIT 2
            STDERR "cannot read [^\n]*no-such-policy\\.json")
bo_cli_test(validate_malformed ARGS validate ${BO_CLI_DATA}/malformed.json EXIT 1 STDOUT "^policy[^\n]*: ")
bo_cli_test(validate_no_file ARGS validate EXIT 2 STDERR "validate takes one policy file")

bo_cli_test(labels_table ARGS labels --now ${BO_NOW} EXIT 0
            STDOUT "^SKU +NAME +STATUS +LABEL +SHIP WINDOW\n"
                   "\nJKT-NAVY-M +Field jacket, navy, M +backorder +${BO_JACKET_TEXT} +2026-12-10 – 2026-12-14\n"
                   "\nVEST-DOWN-M +Down vest, M +discontinued "
                   "\nCAP-WINTER-27 +Winter cap 2027 edition +preorder ")
bo_cli_test(labels_json ARGS labels --now ${BO_NOW} --format json EXIT 0 JSON "labels;0;text=${BO_JACKET_TEXT}")
bo_cli_test(labels_json_window ARGS labels --now ${BO_NOW} --format=json EXIT 0
            JSON "labels;0;merchant;availability_date=2026-12-10T00:00:00-05:00")
bo_cli_test(labels_explicit_files
            ARGS labels --policy ${BO_APPAREL}/policy.json --catalog ${BO_APPAREL}/catalog.json
                 --stock ${BO_APPAREL}/stock.json --locale en-US --now ${BO_NOW}
            EXIT 0 STDOUT "\nJKT-NAVY-M [^\n]*${BO_JACKET_TEXT}")
bo_cli_test(labels_quantity ARGS labels --now ${BO_NOW} --quantity 5 EXIT 0
            STDOUT "\nSOCK-WOOL-3PK [^\n]*now 2026-12-01, later 2026-12-07\n")
bo_cli_test(labels_locale ARGS labels --now ${BO_NOW} --locale de-DE EXIT 0
            STDOUT "\nJKT-NAVY-M +Field jacket, navy, M +backorder " NOT_STDOUT "${BO_JACKET_TEXT}")
bo_cli_test(labels_default_now ARGS labels EXIT 0 STDOUT "\nJKT-NAVY-M +Field jacket, navy, M ")
# BACKORDER_DATA names another data directory; its catalog has a bad row: reported on stderr,
# the good rows still printed, exit status 1.
bo_cli_test(labels_data_env_and_bad_row ARGS labels --now ${BO_NOW} DATA ${BO_CLI_DATA}/rows EXIT 1
            STDOUT "\nJKT-NAVY-M [^\n]*${BO_JACKET_TEXT}" "\nSCF-WOOL-GRY +Wool scarf, grey +in_stock "
            NOT_STDOUT "BAD-ROW"
            STDERR "^row 1 \\(BAD-ROW\\): items\\[1\\]\\.lead_time_days[^:\n]*: [^\n]+\n$")
bo_cli_test(labels_missing_file ARGS labels --catalog ${BO_CLI_DATA}/nope.json EXIT 2
            STDERR "cannot read [^\n]*nope\\.json")
bo_cli_test(labels_malformed_file ARGS labels --now ${BO_NOW} --stock ${BO_CLI_DATA}/malformed.json EXIT 2
            STDERR "malformed\\.json: not valid JSON")
bo_cli_test(labels_wrong_shape ARGS labels --now ${BO_NOW} --catalog ${BO_APPAREL}/stock.json EXIT 2
            STDERR "stock\\.json: expected an object with an array \"items\"")
bo_cli_test(labels_bad_policy ARGS labels --now ${BO_NOW} --policy ${BO_CLI_DATA}/bad_policy.json EXIT 2
            STDERR "bad_policy\\.json: policy\\.")
bo_cli_test(labels_bad_now ARGS labels --now yesterday EXIT 2 STDERR "now")
bo_cli_test(labels_bad_format ARGS labels --format xml EXIT 2 STDERR "--format is table or json")
bo_cli_test(labels_bad_quantity ARGS labels --quantity lots EXIT 2 STDERR "--quantity needs an integer")

# ---- promise -------------------------------------------------------------------------------------------
set(BO_SCENARIO ${BO_APPAREL}/scenario.json)
set(BO_SLIP ${BO_APPAREL}/slip.json)
set(BO_CSV ${PROJECT_SOURCE_DIR}/cli/testdata)
set(BO_FIRST "2026-12-14 – 2026-12-16")
set(BO_SECOND "2026-12-31 – 2027-01-06")
set(BO_SLIPPED "2026-12-17 – 2026-12-23")

bo_cli_test(promise_table ARGS promise ${BO_SCENARIO} EXIT 0
            STDOUT "^LINE +SKU +QTY +SHIP +SOURCE +CONFIDENCE +QUEUE +DELIVERY\n"
                   "\nA-1001/1 +JKT-NAVY-M +1 +${BO_FIRST} +inbound PO-1001 +medium +0 ahead "
                   "\nA-1030/1 +JKT-NAVY-M +1 +${BO_FIRST} +inbound PO-1001 +medium +29 ahead "
                   "\nA-1031/1 +JKT-NAVY-M +1 +${BO_SECOND} +inbound PO-1002 +medium +30 ahead "
                   "\nA-1040/1 +JKT-NAVY-M +1 +${BO_SECOND} +inbound PO-1002 +medium +39 ahead "
                   "\n\nSUPPLY +SKU +QTY +SHIP\nPO-1001 +JKT-NAVY-M +30 +${BO_FIRST}\nPO-1002 +JKT-NAVY-M +50 +${BO_SECOND}\n$"
            NOT_STDOUT "A-1031/1 [^\n]*${BO_FIRST}" "A-1030/1 [^\n]*${BO_SECOND}")
bo_cli_test(promise_json ARGS promise ${BO_SCENARIO} --format json EXIT 0
            JSON "lines;30;ship;from=2026-12-31")
bo_cli_test(promise_json_queue ARGS promise ${BO_SCENARIO} --format=json EXIT 0 JSON "lines;39;lines_ahead=39")
bo_cli_test(promise_quote ARGS promise ${BO_SCENARIO} --quote JKT-NAVY-M EXIT 0
            STDOUT "\n\nquote JKT-NAVY-M × 1: ships ${BO_SECOND}, inbound PO-1002, medium, 40 ahead")
bo_cli_test(promise_quote_json ARGS promise ${BO_SCENARIO} --quote JKT-NAVY-M:3:US --format json EXIT 0
            JSON "steps;0;answer;lines_ahead=40")
bo_cli_test(promise_change ARGS promise ${BO_SCENARIO} --change ${BO_SLIP} EXIT 0
            STDOUT "\n\nchange [^\n]*slip\\.json: 30 lines moved\nLINE +SKU +BEFORE +AFTER\n"
                   "\nA-1001/1 +JKT-NAVY-M +${BO_FIRST} +-> +${BO_SLIPPED}\n"
                   "\nA-1030/1 +JKT-NAVY-M +${BO_FIRST} +-> +${BO_SLIPPED}\n$"
            NOT_STDOUT "A-1031/1 [^\n]*->")
bo_cli_test(promise_change_json ARGS promise ${BO_SCENARIO} --change ${BO_SLIP} --format json EXIT 0
            JSON "steps;0;deltas;29;after;ship;from=2026-12-17")
# Steps run in the order given: a quote, the slip, and the same quote again.
bo_cli_test(promise_steps_in_order ARGS promise ${BO_SCENARIO} --quote JKT-NAVY-M --change ${BO_SLIP}
            --quote JKT-NAVY-M:31 EXIT 0
            STDOUT "quote JKT-NAVY-M × 1: [^\n]*\n\nchange [^\n]*: 30 lines moved\n"
                   "\nquote JKT-NAVY-M × 31: ships ${BO_SECOND}")
bo_cli_test(promise_now_override ARGS promise ${BO_SCENARIO} --now 2026-12-01T09:00:00-05:00 --format json
            EXIT 0 JSON "lines;0;ship;min_days=13")
bo_cli_test(promise_bad_change ARGS promise ${BO_SCENARIO} --change ${BO_CLI_DATA}/bad_change.json EXIT 2
            STDERR "bad_change\\.json: change\\.expected: ")
bo_cli_test(promise_missing_change ARGS promise ${BO_SCENARIO} --change ${BO_CLI_DATA}/nope.json EXIT 2
            STDERR "cannot read [^\n]*nope\\.json")
bo_cli_test(promise_bad_scenario ARGS promise ${BO_CLI_DATA}/bad_scenario.json EXIT 2
            STDERR "bad_scenario\\.json: supply\\[1\\]\\.quantity: ")
bo_cli_test(promise_bad_quote ARGS promise ${BO_SCENARIO} --quote JKT-NAVY-M:lots EXIT 2
            STDERR "--quote JKT-NAVY-M:lots: the quantity needs an integer")
bo_cli_test(promise_unknown_sku ARGS promise ${BO_SCENARIO} --quote NOPE EXIT 2 STDERR "--quote NOPE: ")
bo_cli_test(promise_no_scenario ARGS promise EXIT 2 STDERR "promise needs a scenario")
bo_cli_test(promise_two_scenarios ARGS promise ${BO_SCENARIO} ${BO_SCENARIO} EXIT 2 STDERR "one scenario")
bo_cli_test(promise_unknown_flag ARGS promise ${BO_SCENARIO} --colour EXIT 2
            STDERR "promise: unknown argument \"--colour\"")

# ---- facts as CSV ---------------------------------------------------------------------------------------
# The apparel scenario as CSV files gives exactly what the JSON scenario gives, promises and deltas alike.
add_test(NAME cli_promise_csv_directory_same_as_json
         COMMAND ${CMAKE_COMMAND} -DCLI=$<TARGET_FILE:backorder_cli>
                 "-DARGS_A=promise@@${BO_SCENARIO}@@--format@@json@@--quote@@JKT-NAVY-M@@--change@@${BO_SLIP}"
                 "-DARGS_B=promise@@${BO_CSV}/apparel@@--now@@${BO_NOW}@@--format@@json@@--quote@@JKT-NAVY-M@@--change@@${BO_SLIP}"
                 -P ${CMAKE_CURRENT_SOURCE_DIR}/same_output.cmake)
add_test(NAME cli_promise_csv_files_same_as_json
         COMMAND ${CMAKE_COMMAND} -DCLI=$<TARGET_FILE:backorder_cli>
                 "-DARGS_A=promise@@${BO_SCENARIO}"
                 "-DARGS_B=promise@@--items@@${BO_CSV}/apparel/items.csv@@--stock@@${BO_CSV}/apparel/stock.csv@@--supply@@${BO_CSV}/apparel/supply.csv@@--suppliers@@${BO_CSV}/apparel/suppliers.csv@@--orders@@${BO_CSV}/apparel/orders.csv@@--now@@${BO_NOW}"
                 -P ${CMAKE_CURRENT_SOURCE_DIR}/same_output.cmake)
# A scenario file with one array replaced from CSV.
add_test(NAME cli_promise_csv_orders_over_json_scenario
         COMMAND ${CMAKE_COMMAND} -DCLI=$<TARGET_FILE:backorder_cli>
                 "-DARGS_A=promise@@${BO_SCENARIO}@@--format@@json"
                 "-DARGS_B=promise@@${BO_SCENARIO}@@--orders@@${BO_CSV}/apparel/orders.csv@@--format@@json"
                 -P ${CMAKE_CURRENT_SOURCE_DIR}/same_output.cmake)
bo_cli_test(promise_csv_table ARGS promise ${BO_CSV}/apparel --now ${BO_NOW} EXIT 0
            STDOUT "\nA-1001/1 +JKT-NAVY-M +1 +${BO_FIRST} +inbound PO-1001 +medium +0 ahead "
                   "\nA-1040/1 +JKT-NAVY-M +1 +${BO_SECOND} +inbound PO-1002 +medium +39 ahead ")
bo_cli_test(promise_csv_stray_quote ARGS promise ${BO_SCENARIO} --orders ${BO_CSV}/bad/orders_quote.csv EXIT 2
            STDERR "^backorder: [^\n]*orders_quote\\.csv:4: a quote inside an unquoted field")
bo_cli_test(promise_csv_not_an_integer ARGS promise ${BO_SCENARIO} --orders ${BO_CSV}/bad/orders_integer.csv
            EXIT 2 STDERR "orders_integer\\.csv:3: column quantity: \"1\\.5\" is not an integer")
bo_cli_test(promise_csv_field_count ARGS promise ${BO_SCENARIO} --orders ${BO_CSV}/bad/orders_fields.csv EXIT 2
            STDERR "orders_fields\\.csv:3: 4 fields, but the header has 5")
bo_cli_test(promise_csv_unclosed_quote ARGS promise ${BO_SCENARIO} --orders ${BO_CSV}/bad/orders_unclosed.csv
            EXIT 2 STDERR "orders_unclosed\\.csv:2: a quoted field is never closed")
bo_cli_test(promise_csv_unknown_column ARGS promise --items ${BO_CSV}/bad/items_column.csv EXIT 2
            STDERR "items_column\\.csv:1: unknown column \"colour\"")
# An error the engine finds in a CSV row names the file and the row's line, counting quoted line breaks.
bo_cli_test(promise_csv_engine_error_line ARGS promise ${BO_SCENARIO} --orders ${BO_CSV}/bad/orders_zero.csv
            EXIT 2 STDERR "orders_zero\\.csv:3: quantity: ")
bo_cli_test(promise_csv_engine_error_multiline
            ARGS promise ${BO_SCENARIO} --orders ${BO_CSV}/bad/orders_zero_after_multiline.csv
            EXIT 2 STDERR "orders_zero_after_multiline\\.csv:4: quantity: ")
bo_cli_test(promise_csv_scenario_file ARGS promise ${BO_CSV}/apparel/orders.csv EXIT 2
            STDERR "a scenario file is JSON")
bo_cli_test(promise_empty_directory ARGS promise ${BO_CSV} EXIT 2 STDERR "no items, stock, supply")
bo_cli_test(promise_progress ARGS promise ${BO_CSV}/apparel --now ${BO_NOW} --progress EXIT 0
            STDERR "read [^\n]*orders\\.csv: 40 rows\n" "\ncomputing promises\\.\\.\\.\n"
                   "\ncomputing promises: 40 lines in [0-9.]+ s\n")
bo_cli_test(promise_quiet_without_terminal ARGS promise ${BO_CSV}/apparel --now ${BO_NOW} EXIT 0 STDERR "^$")

# ---- labels from supply ---------------------------------------------------------------------------------
set(BO_LATER_TEXT "Backorder – ships in 31–37 days")
bo_cli_test(labels_supply_orders ARGS labels --now ${BO_NOW} --supply ${BO_SCENARIO} --orders ${BO_SCENARIO}
            --suppliers ${BO_SCENARIO} EXIT 0
            STDOUT "\nJKT-NAVY-M +Field jacket, navy, M +backorder +${BO_LATER_TEXT} +${BO_SECOND}\n"
            NOT_STDOUT "${BO_JACKET_TEXT}")
bo_cli_test(labels_supply_orders_csv ARGS labels --now ${BO_NOW} --supply ${BO_CSV}/apparel/supply.csv
            --orders ${BO_CSV}/apparel/orders.csv --suppliers ${BO_CSV}/apparel/suppliers.csv --format json EXIT 0
            JSON "labels;0;text=${BO_LATER_TEXT}")
bo_cli_test(labels_supply_availability_date ARGS labels --now ${BO_NOW} --supply ${BO_CSV}/apparel/supply.csv
            --orders ${BO_CSV}/apparel/orders.csv --suppliers ${BO_CSV}/apparel/suppliers.csv --format json EXIT 0
            JSON "labels;0;merchant;availability_date=2026-12-31T00:00:00-05:00")
bo_cli_test(labels_csv_catalog ARGS labels --now ${BO_NOW} --catalog ${BO_CSV}/edge/items.csv
            --stock ${BO_CSV}/edge/stock.csv EXIT 0
            STDOUT "^SKU +NAME +STATUS +LABEL +SHIP WINDOW\n"
                   "\nJKT-NAVY-M +Field jacket \"Arctic\", navy +backorder +${BO_JACKET_TEXT} "
                   "\nSCF-WOOL-GRY +Wool scarf +in_stock "
            MIN_STDOUT_LINES 3)
bo_cli_test(labels_csv_bad_stock ARGS labels --now ${BO_NOW} --stock ${BO_CSV}/bad/orders_zero.csv EXIT 2
            STDERR "orders_zero\\.csv:1: unknown column \"order_id\" \\(stock columns: ")

# ---- checkout -------------------------------------------------------------------------------------------
set(BO_CARTS ${PROJECT_SOURCE_DIR}/cli/testdata/carts)
set(BO_CART ${BO_CARTS}/apparel.json)
set(BO_LATER "2026-12-10 – 2026-12-14")

bo_cli_test(checkout_table ARGS checkout ${BO_CART} --now ${BO_NOW} EXIT 0
            STDOUT "^checkout at ${BO_NOW} in en-US: 3 lines, subtotal USD 243\\.00\n"
                   "\n1 +JKT-NAVY-M +Field jacket, navy, M +1 +USD 129\\.00 +backorder +${BO_JACKET_TEXT} +1 × ${BO_LATER}\n"
                   "\n2 +SCF-WOOL-GRY +Wool scarf, grey +1 +USD 35\\.00 +in_stock +In stock +1 × 2026-12-01\n"
                   "\nline 1 \\(JKT-NAVY-M\\) options: wait, notify_me, alternative, remove\n  alternatives:\n"
                   "    JKT-OLIVE-M +Field jacket, olive, M +USD 129\\.00 +In stock +2026-12-01\n"
                   "\nship_available +1 of 2 +2026-12-01 +[^\n]* +line 2 ×1, line 3 ×1 +USD 5\\.95\n"
                   "\nship_available +2 of 2 +${BO_LATER} +[^\n]* +line 1 ×1 +USD 5\\.95\n"
                   "\nship_together +1 of 1 +${BO_LATER} +[^\n]*line 1 ×1 +USD 5\\.95\n"
                   "\nSTRATEGY +SHIPPING +CUSTOMER PAYS +SHOP PAYS +COMPLETE +PAYMENT\n"
                   "\nship_available +recommended +USD 11\\.90 +USD 5\\.95 +USD 5\\.95 +${BO_LATER} +charge_at_shipment"
                   "\nship_together +default +USD 5\\.95 +USD 0\\.00 +USD 5\\.95 +${BO_LATER} "
                   "\nship_available: Items in stock ship Dec 1[^\n]*in a second shipment"
                   "\ncost difference: USD 5\\.95 "
                   "\ndefault: ship_together\nrecommended: ship_available \\(sooner\\)\n"
                   "\n  backorder \\(line 1\\): 1 unit of Field jacket, navy, M is on backorder"
                   "\n  cancellation: " "\n  payment: "
            NOT_STDOUT "consent record")
bo_cli_test(checkout_json ARGS checkout ${BO_CART} --now ${BO_NOW} --format json EXIT 0
            JSON "strategies;0;customer_pays=595")
bo_cli_test(checkout_json_together ARGS checkout ${BO_CART} --now ${BO_NOW} --format=json EXIT 0
            JSON "strategies;1;shipments;0;ship;from=2026-12-10")
bo_cli_test(checkout_json_alternative ARGS checkout ${BO_CART} --now ${BO_NOW} --format json EXIT 0
            JSON "lines;0;alternatives;0;sku=JKT-OLIVE-M")
bo_cli_test(checkout_json_cost_difference ARGS checkout ${BO_CART} --now ${BO_NOW} --format json EXIT 0
            JSON "cost_difference=595")
bo_cli_test(checkout_choose ARGS checkout ${BO_CART} --now ${BO_NOW} --choose ship_available --format json EXIT 0
            JSON "consent;strategy=ship_available")
bo_cli_test(checkout_choose_pays ARGS checkout ${BO_CART} --now ${BO_NOW} --choose ship_available --format json
            EXIT 0 JSON "consent;customer_pays=595")
bo_cli_test(checkout_choose_table ARGS checkout ${BO_CART} --now ${BO_NOW} --choose ship_together --line 1=wait
            EXIT 0
            STDOUT "\n\nconsent record \\(ship_together\\), to keep with the order:\n\\{[^\n]*\"strategy\":\"ship_together\"[^\n]*\\}\n$"
                   "\"choice\":\"wait\"" "\"recorded_at\":\"2026-11-30T14:00:00\\+00:00\"")
bo_cli_test(checkout_line_alternative ARGS checkout ${BO_CART} --now ${BO_NOW} --line 1=alternative:JKT-OLIVE-M
            --format json EXIT 0 JSON "consent;lines;0;alternative=JKT-OLIVE-M")
bo_cli_test(checkout_locale ARGS checkout ${BO_CART} --now ${BO_NOW} --locale de-DE EXIT 0
            STDOUT "in de-DE: " "\nship_together: Die gesamte Bestellung " NOT_STDOUT "The whole order")
# Facts from supply: the jacket's window comes from the purchase orders and the 40 customers ahead.
bo_cli_test(checkout_supply ARGS checkout ${BO_CART} --now ${BO_NOW} --supply ${BO_SCENARIO}
            --orders ${BO_SCENARIO} --suppliers ${BO_SCENARIO} EXIT 0
            STDOUT "\n1 +JKT-NAVY-M [^\n]* +1 × ${BO_SECOND}\n" NOT_STDOUT "${BO_JACKET_TEXT}")
# The same cart as CSV (its customer given as options) plans exactly the same.
add_test(NAME cli_checkout_csv_same_as_json
         COMMAND ${CMAKE_COMMAND} -DCLI=$<TARGET_FILE:backorder_cli>
                 "-DARGS_A=checkout@@${BO_CART}@@--now@@${BO_NOW}@@--format@@json@@--choose@@ship_available"
                 "-DARGS_B=checkout@@${BO_CARTS}/apparel.csv@@--locale@@en-US@@--zone@@US@@--now@@${BO_NOW}@@--format@@json@@--choose@@ship_available"
                 -P ${CMAKE_CURRENT_SOURCE_DIR}/same_output.cmake)
# A cart the engine rejects: status 2, every problem on its own line with its path.
bo_cli_test(checkout_bad_cart ARGS checkout ${BO_CARTS}/bad.json --now ${BO_NOW} EXIT 2
            STDERR "^backorder: [^\n]*bad\\.json: cart\\.currency: [^\n]*EUR"
                   "\nbackorder: [^\n]*bad\\.json: cart\\.lines\\[0\\]\\.sku: [^\n]*NOPE"
                   "\nbackorder: [^\n]*bad\\.json: cart\\.lines\\[1\\]\\.quantity: "
                   "\nbackorder: [^\n]*bad\\.json: cart\\.lines\\[2\\]\\.line_id: "
            NOT_STDOUT ".")
bo_cli_test(checkout_bad_csv_cart ARGS checkout ${BO_CARTS}/bad.csv --now ${BO_NOW} EXIT 2
            STDERR "^backorder: [^\n]*bad\\.csv:3: sku: [^\n]*NOPE\"\nbackorder: [^\n]*bad\\.csv:4: quantity: [^\n]+\n$")
bo_cli_test(checkout_bad_choice ARGS checkout ${BO_CART} --now ${BO_NOW} --choose ship_by_pigeon EXIT 2
            STDERR "choice\\.strategy: [^\n]*ship_by_pigeon" NOT_STDOUT ".")
bo_cli_test(checkout_bad_alternative ARGS checkout ${BO_CART} --now ${BO_NOW} --line 1=alternative:BOOT-CHEL-42
            EXIT 2 STDERR "choice\\.lines\\.1\\.alternative: ")
bo_cli_test(checkout_bad_line ARGS checkout ${BO_CART} --line 1 EXIT 2 STDERR "--line takes ID=CHOICE")
bo_cli_test(checkout_csv_unknown_column ARGS checkout ${BO_CARTS}/../bad/orders_zero.csv EXIT 2
            STDERR "orders_zero\\.csv:1: unknown column \"order_id\" \\(cart columns: line_id, sku, ")
bo_cli_test(checkout_missing_cart ARGS checkout ${BO_CARTS}/nope.json EXIT 2 STDERR "cannot read [^\n]*nope\\.json")
bo_cli_test(checkout_no_cart ARGS checkout --now ${BO_NOW} EXIT 2 STDERR "checkout needs a cart file")
bo_cli_test(checkout_two_carts ARGS checkout ${BO_CART} ${BO_CART} EXIT 2 STDERR "one cart")
bo_cli_test(checkout_unknown_flag ARGS checkout ${BO_CART} --colour EXIT 2
            STDERR "checkout: unknown argument \"--colour\"")

# The ledger: the demo story on a SQLite file, events applied, the outbox listed (docs/store.md).
set(BO_DEMO_DB ${CMAKE_CURRENT_BINARY_DIR}/cli-demo.db)
bo_cli_test(demo ARGS demo --db ${BO_DEMO_DB} EXIT 0
            STDOUT "\n  JKT-NAVY-M: ${BO_JACKET_TEXT}\n"
                   "option ship_available: Items in stock ship Dec 1; the rest follows Dec 10[^\n]+14"
                   "Subject: Your order NW-10482 is confirmed"
                   "Field jacket, navy, M \\(1 unit\\): on backorder, expected to ship Dec 10[^\n]+14\n"
                   "Subject: We’re sorry: an item in your order NW-10482 is delayed"
                   "10% off your next purchase with code SORRY-"
                   "Subject: Your order NW-10482 is delayed: please read your options"
                   "by December 14, the date we had to ship by"
                   "Track your package: https://track.example.com/UPS/1Z999AA10123456795")
bo_cli_test(outbox_after_demo ARGS outbox --db sqlite:${BO_DEMO_DB} --state sent EXIT 0
            STDOUT "  sent  2026-11-30T09:06:00-05:00  confirmation  dana@example.com  Your order NW-10482"
                   "  shipped  dana@example.com  Your order NW-10482 is on its way\n")
set_tests_properties(cli_outbox_after_demo PROPERTIES DEPENDS cli_demo)
bo_cli_test(apply_events ARGS apply --db sqlite::memory: ${BO_CLI_DATA}/store_events.json EXIT 0
            STDOUT "^e1 catalog: applied, 0 lines moved, 0 messages\ne2 order_placed: applied, 2 lines moved, 1 messages\n$")
bo_cli_test(apply_bad_event ARGS apply --db sqlite::memory: ${BO_CLI_DATA}/store_bad_event.json EXIT 2
            STDERR "order\\.lines\\[0\\]\\.quantity: ")
bo_cli_test(apply_no_db ARGS apply ${BO_CLI_DATA}/store_events.json EXIT 2 STDERR "apply needs --db URL")
bo_cli_test(outbox_bad_url ARGS outbox --db mysql://nowhere EXIT 2 STDERR "cannot open the ledger: url: ")

# The support desk brief and the merchant report over a ledger in which a purchase order slipped; one item's
# name is hostile HTML (docs/store.md#support-desk-and-report).
set(BO_DESK_DB ${CMAKE_CURRENT_BINARY_DIR}/cli-desk.db)
set(BO_DESK_HTML ${CMAKE_CURRENT_BINARY_DIR}/cli-report.html)
set(BO_DESK_NOW 2026-12-08T10:00:00-05:00)
# The apparel shop in the US, so the FTC mail-order rule's deadlines apply (docs/compliance.md): the example
# policy with compliance.jurisdiction set, written at configure time so it never drifts from the example.
file(READ ${PROJECT_SOURCE_DIR}/examples/apparel/policy.json bo_us_policy)
string(JSON bo_us_policy SET "${bo_us_policy}" compliance "{\"jurisdiction\": \"US\"}")
set(BO_DESK_POLICY ${CMAKE_CURRENT_BINARY_DIR}/policy-us.json)
file(WRITE ${BO_DESK_POLICY} "${bo_us_policy}")
add_test(NAME cli_desk_reset COMMAND ${CMAKE_COMMAND} -E rm -f ${BO_DESK_DB} ${BO_DESK_DB}-wal ${BO_DESK_DB}-shm
                                     ${BO_DESK_HTML})
bo_cli_test(desk_apply ARGS apply --db sqlite:${BO_DESK_DB} --policy ${BO_DESK_POLICY} ${BO_CLI_DATA}/desk_events.json EXIT 0
            STDOUT "\nslip supply_changed: applied, 2 lines moved, 3 messages\n")
bo_cli_test(brief ARGS brief NW-1 --db sqlite:${BO_DESK_DB} --policy ${BO_DESK_POLICY} --now ${BO_DESK_NOW} EXIT 0
            STDOUT "^Support brief: order NW-1 for Dana\nWe’re sorry: one item of order NW-1 will ship later"
                   "\n- Field jacket, navy, M \\(1 unit\\): ships Dec 23[^\n]+28, with purchase order PO-7001 arriving Dec 21\\."
                   "\n- Cancel the waiting items for a full refund of \\$129\\.00\\.\n"
                   "\n- Switch to an in-stock alternative: Field jacket, olive, M\\.\n"
                   "\nAlready given to this order\n- Free expedited shipping"
                   "\nNext steps\n- Tell the customer the current date")
bo_cli_test(brief_locale ARGS brief NW-2 --db sqlite:${BO_DESK_DB} --policy ${BO_DESK_POLICY} --now ${BO_DESK_NOW} --locale de-DE EXIT 0
            STDOUT "^Support-Briefing: Bestellung NW-2 von Lee\n" "Lieferantenbestellung PO-7001")
bo_cli_test(brief_json ARGS brief NW-1 --db sqlite:${BO_DESK_DB} --policy ${BO_DESK_POLICY} --now ${BO_DESK_NOW} --format json EXIT 0
            JSON "lines;0;supply;id=PO-7001")
bo_cli_test(brief_unknown_order ARGS brief NW-404 --db sqlite:${BO_DESK_DB} --policy ${BO_DESK_POLICY} --now ${BO_DESK_NOW} EXIT 2
            STDERR "brief: order_id: no order with this id")
bo_cli_test(brief_no_order ARGS brief --db sqlite:${BO_DESK_DB} EXIT 2 STDERR "brief takes one order id")
bo_cli_test(report ARGS report --db sqlite:${BO_DESK_DB} --policy ${BO_DESK_POLICY} --now ${BO_DESK_NOW} --html ${BO_DESK_HTML} EXIT 0
            STDOUT "^Backorder report for Northwind Apparel, 2026-12-08\n4 units waiting in 2 orders across 2 items; "
                   "\nJKT-NAVY-M +Field jacket, navy, M +3 +2 +18 d +2 ! +PO-7001 ×20 2026-12-21 +2026-12-28 \\(in 20 d\\)\n"
                   "\nDeadlines coming due:\n  2026-12-28  NW-2 +ftc.deadline +Ship by 2026-12-28 \\(the revised date")
bo_cli_test(report_json ARGS report --db sqlite:${BO_DESK_DB} --policy ${BO_DESK_POLICY} --now ${BO_DESK_NOW} --format json EXIT 0
            JSON "totals;at_risk_lines=3")
bo_cli_test(report_no_db ARGS report EXIT 2 STDERR "report needs --db URL")
add_test(NAME cli_report_html_page
         COMMAND ${CMAKE_COMMAND} -DFILE=${BO_DESK_HTML} -P ${CMAKE_CURRENT_SOURCE_DIR}/check_report_html.cmake)
set_tests_properties(cli_desk_apply PROPERTIES DEPENDS cli_desk_reset)
set_tests_properties(cli_brief cli_brief_locale cli_brief_json cli_brief_unknown_order cli_brief_no_order cli_report
                     cli_report_json PROPERTIES DEPENDS cli_desk_apply)
set_tests_properties(cli_report_html_page PROPERTIES DEPENDS cli_report)
# Time passes (docs/store.md#compliance-scheduling): NW-2 was told on the slip that it ships by 28 December
# (a short delay its shopper accepted by silence); unshipped on the 29th it counts as cancelled. NW-1's
# purchase order is overdue, so it now misses its 30 December deadline: the FTC notice goes out.
bo_cli_test(tick ARGS tick --db sqlite:${BO_DESK_DB} --policy ${BO_DESK_POLICY} --now 2026-12-29T06:00:00-05:00
            EXIT 0 STDOUT "^tick:2026-12-29T06:00:00-05:00 tick: applied, 1 lines moved, 2 messages\n$")
bo_cli_test(tick_again ARGS tick --db sqlite:${BO_DESK_DB} --policy ${BO_DESK_POLICY} --now 2026-12-29T06:00:00-05:00
            EXIT 0 STDOUT "tick: duplicate, 0 lines moved, 0 messages\n$")
bo_cli_test(outbox_after_tick ARGS outbox --db sqlite:${BO_DESK_DB} --policy ${BO_DESK_POLICY}
            --now 2027-01-01T00:00:00Z EXIT 0
            STDOUT "  delay_notice  lee@example.com  Ihre Bestellung NW-2 verzögert sich: Ihre Möglichkeiten\n"
                   "  cancelled  lee@example.com  Ihre Bestellung NW-2: storniert und erstattet\n"
                   "  delay_notice  dana@example.com  Your order NW-1 is delayed: please read your options\n")
bo_cli_test(tick_no_db ARGS tick EXIT 2 STDERR "tick needs --db URL")
bo_cli_test(tick_bad_now ARGS tick --db sqlite::memory: --now yesterday EXIT 2 STDERR "tick: at: ")
set_tests_properties(cli_tick PROPERTIES DEPENDS "cli_brief;cli_brief_locale;cli_brief_json;cli_brief_unknown_order;cli_report;cli_report_json;cli_report_html_page")
set_tests_properties(cli_tick_again PROPERTIES DEPENDS cli_tick)
set_tests_properties(cli_outbox_after_tick PROPERTIES DEPENDS cli_tick_again)
