#include "innograph/query/query_engine.h"

#include "binder/binder.h"
#include "engine/plan_cache.h"
#include "engine/plan_description.h"
#include "executor/physical_operator.h"
#include "innograph/text/unicode.h"
#include "optimizer/optimizer.h"
#include "parser/parser.h"
#include "planner/planner.h"

#include <regex>
#include <variant>

namespace innograph::query {

namespace {

double msSince(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

PlannerStats plannerStats(const graph::GraphStore& store) {
    PlannerStats s;
    auto r = store.stats();
    if (!r.isOk())
        return s;
    s.nodes = r->nodes;
    s.relationships = r->relationships;
    s.nodesPerLabel = r->nodesPerLabel;
    s.relationshipsPerType = r->relationshipsPerType;
    return s;
}

} // namespace

struct QueryEngine::Impl {
    graph::GraphStore& store;
    PlanCache cache;
    std::uint64_t totalMemoryLimit;
    std::atomic<std::uint64_t> memoryHeld{0}; // by every running query

    Impl(graph::GraphStore& s, const EngineOptions& o)
        : store(s), cache(o.planCacheCapacity), totalMemoryLimit(o.totalMemoryLimit) {}

    std::shared_ptr<const LogicalPlan> prepare(std::string_view text, const QueryOptions& options) {
        ParsedStatement parsed = parseQuery(text);
        BinderOptions bo;
        bo.maxPathLength = options.maxPathLength;
        auto schema = SchemaInfo::fromStore(store);
        auto bound = Binder(schema, bo).bind(parsed);
        auto stats = plannerStats(store);
        auto plan = Planner(stats).plan(bound);
        plan.schemaNames = schema.size();
        return std::make_shared<const LogicalPlan>(
            Optimizer(std::move(stats)).optimize(std::move(plan)));
    }

    // A cached plan that warned about unknown names is stale once the store holds new names
    // (the warning may no longer hold); plans without warnings never are.
    bool staleWarnings(const LogicalPlan& plan) const {
        return !plan.notifications.empty() &&
               SchemaInfo::fromStore(store).size() != plan.schemaNames;
    }

    // After a misspelled keyword, the rest of the query may hold more typos (MACTH (p:Prak)):
    // re-check with the keyword corrected and mention what else is wrong.
    void enrichSyntaxError(QueryError& error, std::string_view text, const QueryOptions& options) {
        static const std::regex pattern("^Invalid input '([^']*)'.*Did you mean ([A-Z]+)\\?$");
        std::smatch m;
        std::string message = error.message();
        if (!std::regex_match(message, m, pattern))
            return;
        std::string word = m[1], keyword = m[2];
        // The byte offset of (line, column).
        if (error.pos().line < 1 || error.pos().column < 1)
            return;
        const std::size_t offset =
            innograph::text::byteOffsetAt(text, static_cast<std::size_t>(error.pos().line),
                                          static_cast<std::size_t>(error.pos().column));
        if (offset == innograph::text::npos)
            return;
        if (text.substr(offset, word.size()) != word)
            return;
        std::string fixed = std::string(text.substr(0, offset)) + keyword +
                            std::string(text.substr(offset + word.size()));
        auto also = [&](SourcePos pos, const std::string& what) {
            QueryError combined(error.code(),
                                error.message() + " Also at line " + std::to_string(pos.line) +
                                    ", column " + std::to_string(pos.column) + ": " + what,
                                error.pos(), error.detail());
            error = combined;
        };
        try {
            auto plan = prepare(fixed, options);
            for (const auto& n : plan->notifications) {
                auto at = n.description.find("Did you mean");
                auto name = n.description.find("(the missing name is: ");
                if (at == std::string::npos || name == std::string::npos)
                    continue;
                auto begin = name + 22;
                auto end = n.description.find(')', begin);
                std::string kind = n.code.find("Label") != std::string::npos  ? "label"
                                   : n.code.find("Type") != std::string::npos ? "relationship type"
                                                                              : "property key";
                also(n.pos, "Unknown " + kind + " `" + n.description.substr(begin, end - begin) +
                                "`. " + n.description.substr(at));
                break;
            }
        } catch (const QueryError& further) {
            if (further.message().find("Did you mean") != std::string::npos)
                also(further.pos(), further.message());
        }
    }
};

QueryEngine::QueryEngine(graph::GraphStore& store, EngineOptions options)
    : impl_(std::make_unique<Impl>(store, options)) {}
QueryEngine::~QueryEngine() = default;

void QueryEngine::clearPlanCache() {
    impl_->cache.clear();
}
std::size_t QueryEngine::planCacheSize() const {
    return impl_->cache.size();
}

QueryResult QueryEngine::execute(std::string_view text, const Parameters& parameters,
                                 const QueryOptions& options) {
    auto t0 = std::chrono::steady_clock::now();
    QueryResult result;
    bool compiled = false; // errors from here on are run-time errors
    try {
        std::string key = std::to_string(options.maxPathLength) + "|" + std::string(text);
        std::shared_ptr<const LogicalPlan> plan;
        if (options.usePlanCache) {
            plan = impl_->cache.find(key);
            if (plan && impl_->staleWarnings(*plan))
                plan = nullptr;
        }
        result.stats.planCached = plan != nullptr;
        if (!plan) {
            try {
                plan = impl_->prepare(text, options);
            } catch (QueryError& e) {
                if (e.code() == ErrorCode::SyntaxError)
                    impl_->enrichSyntaxError(e, text, options);
                throw;
            }
            if (options.usePlanCache)
                impl_->cache.insert(key, plan);
        }
        result.stats.planningMs = msSince(t0);
        result.columns = plan->columns;
        result.notifications = plan->notifications;

        if (plan->mode == ExplainMode::Explain) {
            result.hasPlan = true;
            result.plan = describePlan(*plan->root, plan->slotNames);
            return result;
        }
        for (const auto& name : plan->parameters)
            if (!parameters.count(name))
                throw QueryError(ErrorCode::ParameterMissing, "Expected parameter $" + name +
                                                                  " (pass it with --param " + name +
                                                                  "=...)");

        compiled = true;
        auto t1 = std::chrono::steady_clock::now();
        std::unique_ptr<graph::Snapshot> snapshot;
        std::unique_ptr<graph::WriteTransaction> tx;
        const graph::ReadView* view = nullptr;
        if (plan->writes && options.readOnly)
            throw QueryError(ErrorCode::AccessDenied,
                             "this query writes, and writing is not allowed here");
        if (options.transaction) {
            view = options.transaction;
        } else if (plan->writes) {
            auto w = impl_->store.beginWrite();
            if (!w.isOk())
                ExecContext::check(w.status());
            tx = std::move(w.value());
            view = tx.get();
        } else {
            snapshot = impl_->store.snapshot();
            view = snapshot.get();
        }
        ExecContext ctx(*view, options.transaction ? options.transaction : tx.get(), parameters);
        ctx.timeout = options.timeout;
        if (options.timeout.count() > 0)
            ctx.deadline = t0 + options.timeout;
        ctx.cancelFlag = options.cancel;
        ctx.memoryLimit = options.memoryLimit;
        ctx.sharedMemory = &impl_->memoryHeld;
        ctx.sharedMemoryLimit = impl_->totalMemoryLimit;
        ctx.profiling = plan->mode == ExplainMode::Profile;

        auto root = buildPhysical(*plan->root, plan->slotCount);
        root->open(ctx);
        Row row;
        const bool returnsRows = !plan->columns.empty();
        while (root->next(ctx, row)) {
            if (!returnsRows)
                continue; // an update without RETURN: run it, yield nothing
            if (options.maxRows && result.rows.size() >= options.maxRows) {
                result.stats.truncated = true;
                // An updating query still performs every write; a read can stop here.
                if (!plan->writes)
                    break;
                continue;
            }
            result.rows.push_back(row);
        }
        ctx.checkGuardsNow();
        for (auto& r : result.rows)
            for (auto& v : r)
                ctx.materialize(v);
        if (tx) {
            ExecContext::check(tx->commit());
        }
        result.stats.writes = ctx.writes;
        result.stats.rows = result.rows.size();
        result.stats.storageReads = ctx.storageReads;
        result.stats.executionMs = msSince(t1);
        if (ctx.profiling) {
            result.hasPlan = true;
            result.plan = describeProfile(*root, plan->slotNames);
        }
        return result;
    } catch (QueryError& e) {
        e.setPhase(compiled ? ErrorPhase::Runtime : ErrorPhase::Compile);
        e.attachSource(text);
        throw;
    } catch (const std::bad_variant_access&) {
        // A value of an unexpected kind reached an operator that assumed another.
        QueryError e(ErrorCode::TypeError, "A value of an unexpected type was used");
        e.setPhase(compiled ? ErrorPhase::Runtime : ErrorPhase::Compile);
        e.attachSource(text);
        throw e;
    }
}

} // namespace innograph::query
