#pragma once

// Stage 3: BoundStatement to a logical plan. Picks the most selective anchor of each pattern
// (an entity reference, a name equality, the rarest label, from GraphStore::stats()), expands
// from there, pushes each predicate down to the first operator where its variables are bound,
// and leaves ORDER BY/SKIP/LIMIT as written. Rewrites into cheaper equivalent operators (top-k,
// degree counts) are the optimizer's (optimizer/), which runs on this stage's output.

#include "binder/bound_statement.h"
#include "innograph/graph/graph_store.h"
#include "planner/logical_operator.h"

#include <set>

namespace innograph::query {

struct PlannerStats {
    std::uint64_t nodes = 0;
    std::map<std::string, std::uint64_t> nodesPerLabel;
    std::map<std::string, std::uint64_t> relationshipsPerType;
    std::uint64_t relationships = 0;

    // Nodes carrying all of `labels`, bounded by the rarest one's count.
    double labelEstimate(const std::vector<std::string>& labels) const;
};

struct LogicalPlan {
    LogicalPtr root;
    std::vector<std::string> columns;
    int slotCount = 0;
    std::vector<std::string> slotNames;
    bool writes = false;
    ExplainMode mode = ExplainMode::None;
    std::set<std::string> parameters;
    std::vector<Notification> notifications;
    // How many labels, relationship types and property keys the store held when the plan was
    // bound: a cached plan whose warnings name unknown names is rebound once that changes.
    std::size_t schemaNames = 0;
};

class Planner {
public:
    explicit Planner(PlannerStats stats) : stats_(std::move(stats)) {}

    LogicalPlan plan(const BoundStatement& statement);

private:
    // `bound`: slots the rows arrive with (a CALL subquery's imported variables).
    LogicalPtr planSingleQuery(const BoundSingleQuery& query, bool& writes,
                               std::set<int> bound = {});
    // The subquery's plan per incoming row: its parts' plans, under a Union when there are more.
    LogicalPtr planSubquery(const BoundCall& call, bool& writes);
    LogicalPtr planMatch(LogicalPtr input, const BoundMatch& match, std::set<int>& bound);
    LogicalPtr planPattern(LogicalPtr input, const BoundPattern& pattern,
                           std::vector<BoundExpressionPtr> predicates, std::set<int>& bound);
    // afterWrites: the query wrote before this projection, so a LIMIT must still let every
    // write happen (it drains its input instead of stopping early).
    LogicalPtr planProjection(LogicalPtr input, const BoundProjection& projection, bool afterWrites,
                              std::set<int>& bound);

    double labelEstimate(const std::vector<std::string>& labels) const {
        return stats_.labelEstimate(labels);
    }

    PlannerStats stats_;
};

} // namespace innograph::query
