// innograph ingest: read policy documents, extract entities and relationships by rule and
// write them into the store, one atomic transaction per document. Documents are extracted on
// every core (extraction is a pure function of the lexicon and the bytes); this thread writes
// them in the order given, so ids and results do not depend on thread timing.

#include "cli_support.h"

#include "innograph/extract/extractor.h"
#include "innograph/extract/store_writer.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <sstream>
#include <thread>

namespace innograph::app {
namespace {

struct IngestArgs {
    std::string db = kDefaultDb;
    std::string lexicon; // empty: the tables compiled into the program
    std::vector<std::string> files;
    bool quiet = false;
    unsigned threads = 0; // 0: one per core
};

// Directories stand for the .txt files inside them, in name order.
std::vector<std::string> expandInputs(const std::vector<std::string>& inputs) {
    namespace fs = std::filesystem;
    std::vector<std::string> out;
    for (const auto& in : inputs) {
        std::error_code ec;
        if (fs::is_directory(in, ec)) {
            std::vector<std::string> found;
            for (const auto& e : fs::directory_iterator(in, ec))
                if (e.is_regular_file() && e.path().extension() == ".txt")
                    found.push_back(e.path().string());
            std::sort(found.begin(), found.end());
            out.insert(out.end(), found.begin(), found.end());
        } else {
            out.push_back(in);
        }
    }
    return out;
}

std::string counts(const std::map<std::string, std::size_t>& m) {
    std::ostringstream ss;
    bool first = true;
    for (const auto& [k, v] : m) {
        ss << (first ? "" : ", ") << k << " " << v;
        first = false;
    }
    return ss.str();
}

// Extraction threads that live for the whole run, each taking the next document in turn: what a
// thread loads once for itself (OpenCC's converter for documents with traditional characters,
// ~10 M instructions) stays loaded for the documents after. A thread per document, as before,
// loaded it again for every such document. At most `window` documents are claimed and not yet
// taken by the writer, so memory stays bounded whatever the archive's size.
class ExtractionPool {
public:
    using Extracted = graph::Result<extract::ExtractedDocument>;

    ExtractionPool(const extract::Extractor& extractor, const std::vector<std::string>& files,
                   std::size_t workers, std::size_t window)
        : extractor_(extractor), files_(files), window_(window) {
        for (std::size_t i = 0; i < workers; ++i)
            threads_.emplace_back([this] { work(); });
    }
    ExtractionPool(const ExtractionPool&) = delete;
    ExtractionPool& operator=(const ExtractionPool&) = delete;
    ~ExtractionPool() {
        {
            std::lock_guard<std::mutex> lock(mu_);
            stop_ = true;
        }
        cv_.notify_all();
        for (auto& t : threads_)
            t.join();
    }

    // Document i's extraction, once done; documents are taken in order 0, 1, 2…
    Extracted take(std::size_t i) {
        std::unique_lock<std::mutex> lock(mu_);
        cv_.wait(lock, [&] { return done_.count(i) > 0; });
        Done d = std::move(done_.at(i));
        done_.erase(i);
        taken_ = i + 1;
        lock.unlock();
        cv_.notify_all();
        if (d.error)
            std::rethrow_exception(d.error);
        return std::move(*d.result);
    }

private:
    struct Done {
        std::optional<Extracted> result;
        std::exception_ptr error;
    };

    void work() {
        for (;;) {
            std::size_t i;
            {
                std::unique_lock<std::mutex> lock(mu_);
                cv_.wait(lock, [&] {
                    return stop_ || next_ >= files_.size() || next_ < taken_ + window_;
                });
                if (stop_ || next_ >= files_.size())
                    return;
                i = next_++;
            }
            Done d;
            try {
                d.result.emplace(extractor_.extractFile(files_[i]));
            } catch (...) {
                d.error = std::current_exception();
            }
            {
                std::lock_guard<std::mutex> lock(mu_);
                done_.emplace(i, std::move(d));
            }
            cv_.notify_all();
        }
    }

    const extract::Extractor& extractor_;
    const std::vector<std::string>& files_;
    const std::size_t window_;
    std::mutex mu_;
    std::condition_variable cv_;
    std::size_t next_ = 0;  // the next document a thread claims
    std::size_t taken_ = 0; // documents the writer has taken
    bool stop_ = false;
    std::map<std::size_t, Done> done_;
    std::vector<std::thread> threads_;
};

void runIngest(const IngestArgs& a) {
    auto files = expandInputs(a.files);
    if (files.empty())
        throw CommandFailed{2, "ingest: no input files"};
    auto ex = a.lexicon.empty() ? extract::Extractor::create()
                                : extract::Extractor::fromDirectory(a.lexicon);
    check(ex.status(), "ingest: cannot load the lexicon");
    auto store = openStore(a.db, graph::OpenMode::ReadWrite, true);

    auto t0 = std::chrono::steady_clock::now();
    std::size_t failed = 0, unchanged = 0;
    const std::size_t workers =
        a.threads ? a.threads : std::max(1u, std::thread::hardware_concurrency());
    const extract::Extractor& extractor = *ex.value();
    // At most one document waits per worker beyond those being extracted: memory stays bounded
    // whatever the archive's size.
    ExtractionPool pool(extractor, files, std::min(workers, files.size()), workers + 1);
    std::uintmax_t bytes = 0;
    for (std::size_t i = 0; i < files.size(); ++i) {
        const std::string& path = files[i];
        std::string step = "[" + std::to_string(i + 1) + "/" + std::to_string(files.size()) + "] ";
        auto doc = pool.take(i);
        std::error_code sizeError;
        if (auto size = std::filesystem::file_size(path, sizeError); !sizeError)
            bytes += size;
        if (!doc.isOk()) {
            std::cerr << step << "error: " << doc.status().message()
                      << " (nothing written for this file)\n";
            ++failed;
            continue;
        }
        auto sum = extract::writeDocument(*store, doc.value());
        if (!sum.isOk()) {
            std::cerr << step << "error: " << path << ": " << sum.status().message()
                      << " (nothing written for this file)\n";
            ++failed;
            continue;
        }
        if (sum->unchanged) {
            ++unchanged;
            if (!a.quiet)
                std::cout << step << doc->docId << ": unchanged, already ingested\n";
            continue;
        }
        if (a.quiet)
            continue;
        const auto& g = doc->graph;
        auto rels = g.countRelationsByType();
        auto ents = g.countEntitiesByLabel();
        ents.erase("Document");
        std::cout << step << doc->docId << (sum->replaced ? " (replaced earlier version)" : "")
                  << ": " << doc->info.title << "\n"
                  << "    entities " << g.entities.size() - 1 << ": " << counts(ents) << "\n"
                  << "    relationships " << g.relations.size() << ": " << counts(rels) << "\n"
                  << "    store: " << sum->nodesCreated << " nodes created, " << sum->nodesMerged
                  << " merged, " << sum->relationshipsCreated << " relationships created, "
                  << sum->relationshipsMerged << " merged";
        if (sum->replaced)
            std::cout << ", " << sum->relationshipsDeleted << " old relationships and "
                      << sum->nodesDeleted << " orphaned nodes removed";
        std::cout << "\n";
    }
    auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0);
    std::cout << "ingested " << files.size() - failed - unchanged << " documents, " << unchanged
              << " unchanged, " << failed << " failed in " << static_cast<long>(ms.count())
              << " ms (" << bytes << " bytes read, " << workers << " extraction threads)\n";
    if (failed)
        throw CommandFailed{1, std::to_string(failed) + " of " + std::to_string(files.size()) +
                                   " documents could not be ingested"};
}

CommandRegistration reg{
    40, [](CLI::App& app) {
        auto args = std::make_shared<IngestArgs>();
        auto* cmd = app.add_subcommand(
            "ingest", "Extract entities and relationships from documents into the store");
        cmd->add_option("--db", args->db, "store directory")->capture_default_str();
        cmd->add_option("--lexicon", args->lexicon,
                        "lexicon directory (default: the tables built into the program)");
        cmd->add_flag("-q,--quiet", args->quiet, "print only the final line and errors");
        cmd->add_option("--threads", args->threads,
                        "extraction threads (default: one per core; writing stays in order)");
        cmd->add_option("files", args->files, "document files (UTF-8 or GBK), or directories")
            ->required();
        cmd->callback([args] { runIngest(*args); });
    }};

} // namespace
} // namespace innograph::app
