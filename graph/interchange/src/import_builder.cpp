#include "import_builder.h"

#include <algorithm>

namespace innograph::interchange {

std::string at(const std::string& file, std::size_t line) {
    return file + ":" + std::to_string(line) + ": ";
}

std::optional<std::uint64_t> FileIdMap::number(std::string_view id) {
    // Canonical only ("7", not "07" or "+7"), so that a number and its text never both map.
    if (id.empty() || id.size() > 19 || (id.size() > 1 && id[0] == '0'))
        return std::nullopt;
    std::uint64_t n = 0;
    for (char c : id) {
        if (c < '0' || c > '9')
            return std::nullopt;
        n = n * 10 + static_cast<std::uint64_t>(c - '0');
    }
    return n;
}

void FileIdMap::leaveAscending() {
    ascending_ = false;
    numbers_.reserve(sorted_.size() * 2);
    for (const auto& [id, index] : sorted_)
        numbers_.emplace(id, index);
    sorted_.clear();
    sorted_.shrink_to_fit();
}

bool FileIdMap::insert(std::string_view id, std::uint64_t index) {
    auto n = number(id);
    if (!n)
        return texts_.emplace(std::string(id), index).second;
    if (ascending_) {
        if (sorted_.empty() || *n > sorted_.back().first) {
            sorted_.emplace_back(*n, index);
            return true;
        }
        leaveAscending();
    }
    return numbers_.emplace(*n, index).second;
}

std::optional<std::uint64_t> FileIdMap::find(std::string_view id) const {
    auto n = number(id);
    if (!n) {
        auto it = texts_.find(id);
        return it == texts_.end() ? std::nullopt : std::optional(it->second);
    }
    if (!ascending_) {
        auto it = numbers_.find(*n);
        return it == numbers_.end() ? std::nullopt : std::optional(it->second);
    }
    if (sorted_.empty() || *n < sorted_.front().first)
        return std::nullopt;
    // Ids ascend strictly, so id n sits at position n - first at the latest; exactly there
    // when the ids are dense, as they are in an export of a store without deletions.
    std::uint64_t pos = *n - sorted_.front().first;
    if (pos < sorted_.size() && sorted_[pos].first == *n)
        return sorted_[pos].second;
    auto last = sorted_.begin() +
                static_cast<std::ptrdiff_t>(std::min<std::uint64_t>(pos + 1, sorted_.size()));
    auto it = std::lower_bound(sorted_.begin(), last, *n,
                               [](const auto& e, std::uint64_t v) { return e.first < v; });
    if (it != last && it->first == *n)
        return it->second;
    return std::nullopt;
}

ImportBuilder::ImportBuilder(graph::GraphStore& store, Progress progress)
    : store_(store), progress_(std::move(progress)) {}

Status ImportBuilder::begin() {
    graph::BulkLoadOptions opts;
    opts.progress = progress_;
    auto loader = store_.beginBulkLoad(opts);
    if (!loader.isOk())
        return loader.status();
    loader_ = std::move(*loader);
    return Status::ok();
}

Status ImportBuilder::addNode(const std::string& file, std::size_t line, std::string_view id,
                              const std::vector<std::string>& labels,
                              const graph::PreparedProperties& props) {
    if (!ids_.insert(id, nodes_))
        return Status::invalidArgument(at(file, line) + "node id " + std::string(id) +
                                       " is defined twice");
    auto r = loader_->addNode(labels, props);
    if (!r.isOk())
        return Status::invalidArgument(at(file, line) + r.status().message());
    ++nodes_;
    return Status::ok();
}

Status ImportBuilder::addResolved(const std::string& file, std::size_t line, std::string_view type,
                                  std::uint64_t start, std::uint64_t end,
                                  const graph::PreparedProperties& props) {
    auto first = loader_->firstNodeId();
    auto r = loader_->addRelationship(first + start, type, first + end, props);
    if (!r.isOk())
        return Status::invalidArgument(at(file, line) + r.status().message());
    ++rels_;
    return Status::ok();
}

Status ImportBuilder::addRelationship(const std::string& file, std::size_t line,
                                      std::string_view type, std::string_view start,
                                      std::string_view end, graph::PreparedProperties props) {
    if (held_.empty()) {
        auto s = ids_.find(start);
        auto e = s ? ids_.find(end) : std::nullopt;
        if (s && e)
            return addResolved(file, line, type, *s, *e, props);
    }
    held_.push_back({file, line, std::string(type), std::string(start), std::string(end),
                     std::move(props), std::nullopt});
    return Status::ok();
}

Status ImportBuilder::addRelationship(const std::string& file, std::size_t line,
                                      std::string_view type, std::uint64_t start, std::uint64_t end,
                                      graph::PreparedProperties props) {
    if (held_.empty())
        return addResolved(file, line, type, start, end, props);
    // Behind a held relationship it waits its turn, so that ids still follow the file.
    held_.push_back(
        {file, line, std::string(type), {}, {}, std::move(props), std::pair(start, end)});
    return Status::ok();
}

Result<ImportSummary> ImportBuilder::finish() {
    for (auto& h : held_) {
        if (h.resolved) {
            if (auto st = addResolved(h.file, h.line, h.type, h.resolved->first, h.resolved->second,
                                      h.props);
                !st.isOk())
                return st;
            h.props = {};
            continue;
        }
        auto s = ids_.find(h.start);
        if (!s)
            return Status::invalidArgument(at(h.file, h.line) + "relationship start node " +
                                           h.start + " is not defined in the input");
        auto e = ids_.find(h.end);
        if (!e)
            return Status::invalidArgument(at(h.file, h.line) + "relationship end node " + h.end +
                                           " is not defined in the input");
        if (auto st = addResolved(h.file, h.line, h.type, *s, *e, h.props); !st.isOk())
            return st;
        h.props = {};
    }
    held_.clear();
    auto r = loader_->finish();
    if (!r.isOk())
        return r.status();
    return ImportSummary{nodes_, rels_};
}

} // namespace innograph::interchange
