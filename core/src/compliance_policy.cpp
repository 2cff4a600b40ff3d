// The policy's compliance section: the shop's own rule packs and the defaults for requests.
#include "compliance_policy.hpp"

#include <algorithm>
#include <cctype>

#include "rule_pack_reader.hpp"

namespace backorder::detail {

void read_compliance(const json& j, const std::string& path, Reader& r, CompliancePolicy& c) {
  if (!r.object(j, path, {"packs", "jurisdiction", "channels"})) return;
  if (const json* packs = Reader::member(j, "packs"))
    c.packs = read_rule_packs(*packs, Reader::at(path, "packs"), r);
  if (auto code = r.string(j, "jurisdiction", path)) {
    c.jurisdiction = *code;
    std::transform(c.jurisdiction.begin(), c.jurisdiction.end(), c.jurisdiction.begin(),
                   [](unsigned char ch) { return std::toupper(ch); });
    if (c.jurisdiction.empty())
      r.fail(Reader::at(path, "jurisdiction"), "expected a code such as \"US\" or \"DE\"");
  }
  if (const json* ch = Reader::member(j, "channels")) {
    std::string p = Reader::at(path, "channels");
    if (!ch->is_array()) r.fail(p, "expected an array of channels such as [\"web\", \"google\"]");
    for (std::size_t i = 0; ch->is_array() && i < ch->size(); ++i) {
      if ((*ch)[i].is_string() && !(*ch)[i].get<std::string>().empty())
        c.channels.push_back((*ch)[i].get<std::string>());
      else
        r.fail(Reader::at(p, i), "expected a channel name");
    }
  }
}

}  // namespace backorder::detail
