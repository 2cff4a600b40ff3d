// The "order" of a compliance check request (docs/json.md#compliance), read as check_order_json reads it: the
// ledger describes its orders in the same words, so what it schedules is what `backorder check --order`
// would say. Private to core.
#pragma once

#include "backorder/compliance.hpp"
#include "json_reader.hpp"

namespace backorder::detail {

// Throws ValidationError with paths under "order". `now` is left for the caller to set.
OrderFacts read_order_facts(const json& order, const Calendar& cal);

}  // namespace backorder::detail
