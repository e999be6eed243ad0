// extract_dump FILE… > graph.jsonl: extracts the documents, merges them in memory and writes
// the graph in the APOC JSONL export shape, to score the rules without a store.

#include "innograph/extract/entities.h"
#include "innograph/extract/export_jsonl.h"
#include "innograph/extract/extractor.h"

#include <chrono>
#include <fstream>
#include <iostream>
#include <sstream>

int main(int argc, char** argv) {
    using namespace innograph::extract;
    auto ex = Extractor::create();
    if (!ex.isOk()) {
        std::cerr << "extract_dump: " << ex.status().message() << "\n";
        return 1;
    }
    // --mentions FILE: the recogniser's mentions of one file, for debugging rules.
    if (argc == 3 && std::string(argv[1]) == "--mentions") {
        std::ifstream in(argv[2], std::ios::binary);
        std::stringstream ss;
        ss << in.rdbuf();
        auto ct = decodeAndClean(ss.str());
        if (!ct.isOk())
            return 1;
        EntityRecognizer rec(ex.value()->lexicon());
        auto ms = rec.recognize(ct.value());
        for (const auto& m : ms) {
            std::cout << m.begin << "\t" << m.label << "\t" << ct.value().utf8(m.begin, m.end)
                      << "\t" << std::string(m.deictic ? "(deictic)" : "") << "\n";
        }
        return 0;
    }
    ExtractedGraph all;
    auto t0 = std::chrono::steady_clock::now();
    int failed = 0;
    for (int i = 1; i < argc; ++i) {
        auto doc = ex.value()->extractFile(argv[i]);
        if (!doc.isOk()) {
            std::cerr << "extract_dump: " << doc.status().message() << "\n";
            ++failed;
            continue;
        }
        all.merge(doc.value().graph);
    }
    auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0);
    writeApocJsonl(all, std::cout);
    std::cerr << "extract_dump: " << (argc - 1 - failed) << " documents, " << all.entities.size()
              << " nodes, " << all.relations.size() << " relationships in " << ms.count()
              << " ms\n";
    return failed ? 1 : 0;
}
