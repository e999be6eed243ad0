// A process killed with SIGKILL in the middle of writing leaves a store that reopens with every
// index agreeing with the data: bulk loads are all-or-nothing, and every acknowledged
// transaction is there.

#include "consistency.h"
#include "test_store.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <thread>

namespace innograph::graph {
namespace {

using testing::checkConsistency;
using testing::openOrDie;
using testing::TempDir;

constexpr std::uint64_t kNodes = 60000, kRels = 180000;

[[noreturn]] void childBulkLoad(const std::string& path) {
    auto store = GraphStore::open(Options{}, path);
    if (!store.isOk())
        _exit(3);
    std::vector<BulkNode> nodes;
    for (std::uint64_t i = 0; i < kNodes; ++i)
        nodes.push_back(
            {{i % 3 ? "Enterprise" : "Park"}, {{"name", Value("E" + std::to_string(i))}}});
    std::vector<BulkRelationship> rels;
    for (std::uint64_t i = 0; i < kRels; ++i)
        rels.push_back({{false, i % kNodes}, {false, (i * 31 + 7) % kNodes}, "LOCATED_IN", {}});
    _exit((*store)->bulkLoad(nodes, rels).isOk() ? 0 : 4);
}

TEST(CrashConsistency, SigkillDuringBulkLoadIsAllOrNothing) {
    for (int delayMs : {5, 150, 400, 900}) {
        TempDir dir;
        pid_t pid = fork();
        ASSERT_GE(pid, 0);
        if (pid == 0)
            childBulkLoad(dir.path());
        std::this_thread::sleep_for(std::chrono::milliseconds(delayMs));
        kill(pid, SIGKILL);
        int status = 0;
        waitpid(pid, &status, 0);
        auto store = GraphStore::open(Options{}, dir.path());
        if (!store.isOk()) {
            // Killed before the store directory was initialised: there must be nothing at all.
            ASSERT_FALSE(std::filesystem::exists(dir.path() + "/CURRENT"))
                << store.status().toString();
            continue;
        }
        auto st = (*store)->stats().value();
        EXPECT_TRUE(st.nodes == 0 || st.nodes == kNodes)
            << "after " << delayMs << " ms: " << st.nodes;
        EXPECT_TRUE(st.relationships == 0 || st.relationships == kRels);
        auto problems = checkConsistency(**store);
        EXPECT_TRUE(problems.empty()) << "after " << delayMs << " ms: " << problems.front();
    }
}

TEST(CrashConsistency, SigkillDuringTransactionsKeepsEveryAcknowledgedOne) {
    TempDir dir;
    int fds[2];
    ASSERT_EQ(pipe(fds), 0);
    pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
        close(fds[0]);
        auto store = GraphStore::open(Options{}, dir.path());
        if (!store.isOk())
            _exit(3);
        for (std::uint32_t i = 0;; ++i) {
            auto tx = std::move((*store)->beginWrite().value());
            auto a = tx->createNode({"Park"}, {{"name", Value("park" + std::to_string(i))}});
            auto b = tx->createNode({"Industry"}, {{"name", Value("ind" + std::to_string(i))}});
            if (!a.isOk() || !b.isOk() || !tx->createRelationship(*a, "HOSTS", *b, {}).isOk())
                _exit(4);
            if (!tx->commit().isOk())
                _exit(5);
            if (write(fds[1], &i, sizeof i) != sizeof i)
                _exit(6); // acknowledged
        }
    }
    close(fds[1]);
    std::this_thread::sleep_for(std::chrono::milliseconds(700));
    kill(pid, SIGKILL);
    std::uint32_t last = 0, v;
    bool any = false;
    while (read(fds[0], &v, sizeof v) == sizeof v) {
        last = v;
        any = true;
    }
    close(fds[0]);
    waitpid(pid, nullptr, 0);
    ASSERT_TRUE(any) << "the child acknowledged no write";
    auto store = openOrDie(dir.path());
    auto view = store->snapshot();
    for (std::uint32_t i = 0; i <= last; ++i) {
        auto ids = view->findByName("park" + std::to_string(i)).value();
        ASSERT_EQ(ids.size(), 1u) << "acknowledged write " << i << " is missing";
        ASSERT_EQ(view->degree(ids[0], Direction::Outgoing).value(), 1u);
    }
    auto st = store->stats().value();
    EXPECT_EQ(st.nodes, 2 * st.relationships) << "a half-applied transaction is visible";
    auto problems = checkConsistency(*store);
    EXPECT_TRUE(problems.empty()) << problems.front();
}

} // namespace
} // namespace innograph::graph
