#include <algorithm>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>

#include "crash.hpp"
#include "oplog.hpp"
#include "workload.hpp"

namespace backorder::reliability {
namespace {

[[noreturn]] void fail(const std::string& what) { throw std::runtime_error(what); }

Instant far_future() { return parse_instant("2031-01-01T00:00:00Z", "far"); }

// What a message says, beside its key: the replay must have written the very same text.
std::map<std::string, std::string> by_key(const std::vector<OutboxMessage>& messages) {
  std::map<std::string, std::string> out;
  for (const OutboxMessage& m : messages) {
    std::string body = m.kind + "|" + m.recipient + "|" + m.subject + "|" + m.text + "|" + m.html;
    if (!out.emplace(m.key, body).second) fail("the key " + m.key + " is in the outbox twice");
  }
  return out;
}

// The events of the attempted steps, in order, and the step each belongs to.
struct Attempted {
  json events = json::array();
  std::vector<int> step_of;
};

}  // namespace

TrialResult check_trial(const std::string& url, const std::string& shop, std::uint64_t seed,
                        const std::string& log_path) {
  TrialResult result;
  ShopDay day(seed, crash_start());
  std::vector<Step> steps;
  auto step = [&](int i) -> const Step& {
    while (static_cast<int>(steps.size()) <= i) steps.push_back(day.next());
    return steps[static_cast<std::size_t>(i)];
  };

  // Replay the writer's operations on a fresh ledger of the same shop. Every operation but the last one
  // returned, so the replay reaches the state the writer left, give or take its last call; the attempted
  // steps are re-applied to the crashed ledger below, so both end with the same events.
  auto replay = open_store("sqlite::memory:", shop);
  std::set<int> attempted, done;
  std::vector<std::string> claimed_keys, sent;
  std::vector<std::int64_t> claimed_ids;
  std::set<std::string> acked;
  std::size_t sent_of_claim = 0;
  char last = 0;
  for (const std::string& op : OpLog::read(log_path)) {
    std::istringstream in(op);
    char kind = 0;
    in >> kind;
    last = kind;
    if (kind == 'A') {
      int i = 0;
      in >> i;
      attempted.insert(i);
      replay->apply_json(step(i).events);
    } else if (kind == 'D') {
      int i = 0;
      in >> i;
      done.insert(i);
      result.steps++;
    } else if (kind == 'C') {
      Instant now = 0;
      int max = 0;
      in >> now >> max;
      claimed_keys.clear();
      claimed_ids.clear();
      sent_of_claim = 0;
      for (const OutboxMessage& m : replay->claim(max, kLeaseSeconds, now)) {
        claimed_keys.push_back(m.key);
        claimed_ids.push_back(m.id);
      }
    } else if (kind == 'S') {
      std::string key;
      in >> key;
      if (sent_of_claim >= claimed_keys.size() || claimed_keys[sent_of_claim] != key)
        fail("the writer was handed " + key + ", the replay of its operations something else");
      ++sent_of_claim;
      sent.push_back(key);
    } else if (kind == 'Y') {
      if (sent_of_claim != claimed_keys.size()) fail("the replay claimed more than the writer was handed");
      replay->ack(claimed_ids);
      acked.insert(claimed_keys.begin(), claimed_keys.end());
    } else {
      fail("a log line the writer never writes: " + op);
    }
  }
  result.phase = last == 'A'                  ? "apply"
                 : last == 'C' || last == 'S' ? "drain"
                 : last == 0                  ? "start"
                                              : "between";
  result.sent = static_cast<int>(sent.size());

  auto store = open_store(url, shop);
  // Every event whose apply returned is in the ledger: applying it again says "duplicate". The rest of what
  // the writer attempted goes in now, in the same order (one transaction).
  Attempted a;
  for (int i : attempted) {
    json e = json::parse(step(i).events);
    for (json& one : e.is_array() ? e : json::array({e})) {
      a.events.push_back(one);
      a.step_of.push_back(i);
    }
  }
  if (!a.events.empty()) {
    json results = json::parse(store->apply_json(a.events.dump()))["results"];
    std::map<int, std::set<std::string>> statuses;  // per step: a batch is all or nothing
    for (std::size_t k = 0; k < results.size(); ++k) {
      int i = a.step_of[k];
      std::string status = results[k]["status"];
      statuses[i].insert(status);
      if (done.count(i) && status != "duplicate")
        fail("event " + results[k]["id"].get<std::string>() + " of step " + std::to_string(i) +
             ": its apply had returned, yet the ledger did not have it");
    }
    for (const auto& [i, s] : statuses) {
      if (s.size() != 1) fail("step " + std::to_string(i) + ", a batch, was applied in part");
      if (!done.count(i) && *s.begin() == "duplicate") result.committed_unrecorded++;
    }
  }

  // No message lost, none written twice, none different from what the uncrashed replay wrote.
  Instant far = far_future();
  std::map<std::string, std::string> want = by_key(replay->outbox("", 100'000, far));
  std::vector<OutboxMessage> got_list = store->outbox("", 100'000, far);
  std::map<std::string, std::string> got = by_key(got_list);
  for (const auto& [key, body] : want) {
    auto it = got.find(key);
    if (it == got.end()) fail("message " + key + " was lost");
    if (it->second != body)
      fail("message " + key + " differs from the replay's:\n--- ledger\n" + it->second + "\n--- replay\n" +
           body);
  }
  for (const auto& [key, body] : got)
    if (!want.count(key)) fail("message " + key + " should not exist");
  result.messages = static_cast<int>(got.size());

  // Every sent key is still there: acknowledged if the writer saw its ack return, else waiting to go again.
  std::map<std::string, std::string> state;
  for (const OutboxMessage& m : got_list) state[m.key] = m.state;
  for (const std::string& key : sent) {
    if (!state.count(key)) fail("sent message " + key + " is gone from the outbox");
    if (acked.count(key) && state[key] != "sent") fail("acknowledged message " + key + " is " + state[key]);
  }

  // Drain the rest as the next sender would, once the dead one's leases run out: nothing acknowledged comes
  // back, and whatever the dead sender had sent without acknowledging comes back with the same key.
  std::set<std::string> delivered;
  std::set<std::string> sent_set(sent.begin(), sent.end());
  for (;;) {
    std::vector<OutboxMessage> batch = store->claim(100, 60, far);
    if (batch.empty()) break;
    std::vector<std::int64_t> ids;
    for (const OutboxMessage& m : batch) {
      if (acked.count(m.key)) fail("acknowledged message " + m.key + " was handed out again");
      if (!delivered.insert(m.key).second) fail("message " + m.key + " was handed out twice");
      if (sent_set.count(m.key)) result.redelivered++;
      ids.push_back(m.id);
    }
    store->ack(ids);
  }
  for (const auto& [key, body] : want)
    if (!sent_set.count(key) && !delivered.count(key)) fail("message " + key + " was never delivered");
  return result;
}

}  // namespace backorder::reliability
