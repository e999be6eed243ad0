#include "innograph/extract/lexicon.h"

#include "innograph/extract/text.h"
#include "innograph/graph/graph_store.h"
#include "innograph/text/unicode.h"
#include "u32.h"

#include <algorithm>
#include <bit>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

namespace innograph::extract {

// Generated at build time from data/lexicon/*.txt (see extract/CMakeLists.txt).
extern const std::vector<std::pair<std::string, std::string>>& builtinLexiconFiles();

namespace {

std::vector<std::string_view> splitWords(std::string_view line) {
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < line.size()) {
        while (i < line.size() && (line[i] == ' ' || line[i] == '\t'))
            ++i;
        std::size_t j = i;
        while (j < line.size() && line[j] != ' ' && line[j] != '\t')
            ++j;
        if (j > i)
            out.push_back(line.substr(i, j - i));
        i = j;
    }
    return out;
}

// Lexicon entries go through the same normalisation as the text they are matched against.
// The form the cleaned text has (NFKC, then simplified), so 中国石油大学（华东） in a table
// matches the 中国石油大学(华东) of a cleaned document.
std::u32string normalizeEntry(std::string_view word) {
    return toSimplified(u32::fromUtf8(text::nfkc(word)));
}

} // namespace

graph::Status Lexicon::parse(const std::string& file, std::string_view text) {
    if (!text::isValidUtf8(text)) {
        return graph::Status::invalidArgument("lexicon " + file + ": not valid UTF-8");
    }
    std::string label, kind, list, source, frame;
    std::size_t lineNo = 0;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        std::size_t nl = text.find('\n', pos);
        if (nl == std::string_view::npos)
            nl = text.size();
        std::string_view line = text.substr(pos, nl - pos);
        pos = nl + 1;
        ++lineNo;
        if (auto hash = line.find('#'); hash != std::string_view::npos)
            line = line.substr(0, hash);
        while (!line.empty() && (line.back() == '\r' || line.back() == ' '))
            line.remove_suffix(1);
        auto words = splitWords(line);
        if (words.empty())
            continue;
        auto where = [&] { return "lexicon " + file + ":" + std::to_string(lineNo) + ": "; };
        if (words[0] == "@label" || words[0] == "@kind" || words[0] == "@words" ||
            words[0] == "@source" || words[0] == "@frame") {
            if (words.size() != 2) {
                return graph::Status::invalidArgument(where() + std::string(words[0]) +
                                                      " takes exactly one argument");
            }
            if (words[0] == "@label")
                label = words[1], kind.clear(), list.clear(), source.clear(), frame.clear();
            if (words[0] == "@source")
                source = words[1];
            if (words[0] == "@kind")
                kind = words[1];
            if (words[0] == "@words")
                list = words[1], label.clear(), frame.clear();
            if (words[0] == "@frame") {
                frame = words[1], label.clear(), list.clear();
                if (frames_.count(frame))
                    return graph::Status::invalidArgument(where() + "frame " + frame +
                                                          " defined twice");
                frames_[frame].name = frame;
                frames_[frame].where = where();
            }
            continue;
        }
        if (!frame.empty()) {
            // slot value…: a value @NAME names a @words list, checked once every file is read.
            auto& slot = frames_[frame].slots[std::string(words[0])];
            if (words.size() < 2)
                return graph::Status::invalidArgument(where() + "frame " + frame + ": slot " +
                                                      std::string(words[0]) + " has no value");
            for (std::size_t i = 1; i < words.size(); ++i)
                slot.emplace_back(words[i]);
            frameRefs_.push_back({where(), frame, std::string(words[0])});
            continue;
        }
        if (words[0].front() == '@') {
            return graph::Status::invalidArgument(where() + "unknown directive " +
                                                  std::string(words[0]));
        }
        if (!list.empty()) {
            for (auto w : words)
                words_[list].words.push_back(normalizeEntry(w));
            continue;
        }
        if (label.empty()) {
            return graph::Status::invalidArgument(where() + "entry before any @label or @words");
        }
        LexEntry e;
        e.label = label;
        e.kind = kind;
        e.source = source;
        e.name = normalizeEntry(words[0]);
        for (std::size_t i = 1; i < words.size(); ++i) {
            if (auto eq = words[i].find('='); eq != std::string_view::npos) {
                if (eq == 0 || eq + 1 == words[i].size())
                    return graph::Status::invalidArgument(where() + "malformed key=value '" +
                                                          std::string(words[i]) + "'");
                e.props.emplace_back(std::string(words[i].substr(0, eq)),
                                     u32::toUtf8(normalizeEntry(words[i].substr(eq + 1))));
            } else if (words[i].front() == '~' && words[i].size() > 1)
                e.abbreviations.push_back(normalizeEntry(words[i].substr(1)));
            else
                e.aliases.push_back(normalizeEntry(words[i]));
        }
        entries_.push_back(std::move(e));
    }
    return graph::Status::ok();
}

std::string LexEntry::prop(std::string_view key) const {
    for (const auto& [k, v] : props)
        if (k == key)
            return v;
    return {};
}

void Lexicon::finish() {
    for (std::size_t i = 0; i < entries_.size(); ++i) {
        const LexEntry& e = entries_[i];
        // The first table to name a string wins, so a later, more general table cannot
        // relabel it.
        names_.emplace(e.name, i);
        for (const auto& a : e.aliases)
            names_.emplace(a, i);
        for (const auto& a : e.abbreviations)
            abbreviations_.emplace(a, i);
    }
    buildNameTrie();
    for (auto& entry : words_) {
        WordList& wl = entry.second;
        for (std::uint32_t i = 0; i < wl.words.size(); ++i) {
            const std::u32string& w = wl.words[i];
            wl.set.emplace(w, true);
            if (w.empty())
                continue; // an empty word is never longer than no match
            wl.byFirst[w.front()].push_back(i);
            wl.byLast[w.back()].push_back(i);
            WordList::mark(wl.firstSeen, w.front());
            WordList::mark(wl.lastSeen, w.back());
        }
        for (auto& [c, ids] : wl.byFirst)
            std::stable_sort(ids.begin(), ids.end(), [&](std::uint32_t a, std::uint32_t b) {
                return wl.words[a].size() > wl.words[b].size();
            });
    }
    for (const auto& f : frames_)
        for (const auto& slot : f.second.slots) {
            std::string_view name = f.second.list(slot.first);
            if (auto it = words_.find(name); !name.empty() && it != words_.end())
                listsBySlot_[name.data()] = {name.size(), &it->second};
        }
}

graph::Result<std::shared_ptr<const Lexicon>>
Lexicon::fromTexts(const std::vector<std::pair<std::string, std::string>>& files) {
    std::shared_ptr<Lexicon> lex(new Lexicon());
    for (const auto& [name, text] : files) {
        if (auto st = lex->parse(name, text); !st.isOk())
            return st;
    }
    lex->finish();
    // A frame slot naming a list no table defines is a misspelt rule, not an empty list.
    for (const auto& ref : lex->frameRefs_) {
        for (const auto& v : lex->frames_.at(ref.frame).slots.at(ref.slot)) {
            if (v.size() > 1 && v.front() == '@' && !lex->words_.count(v.substr(1)))
                return graph::Status::invalidArgument(
                    ref.where + "frame " + ref.frame + ": slot " + ref.slot + " names " + v +
                    ", but no @words " + v.substr(1) + " list exists");
        }
    }
    return std::shared_ptr<const Lexicon>(std::move(lex));
}

graph::Result<std::shared_ptr<const Lexicon>> Lexicon::builtin() {
    static graph::Result<std::shared_ptr<const Lexicon>> cached = fromTexts(builtinLexiconFiles());
    return cached;
}

graph::Result<std::shared_ptr<const Lexicon>> Lexicon::fromDirectory(const std::string& dir) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
        return graph::Status::notFound("lexicon directory " + dir + " does not exist");
    }
    std::vector<fs::path> paths;
    for (const auto& ent : fs::directory_iterator(dir, ec)) {
        if (ent.path().extension() == ".txt")
            paths.push_back(ent.path());
    }
    std::sort(paths.begin(), paths.end());
    std::vector<std::pair<std::string, std::string>> files;
    for (const auto& p : paths) {
        std::ifstream in(p, std::ios::binary);
        if (!in)
            return graph::Status::ioError("cannot read lexicon file " + p.string());
        std::ostringstream ss;
        ss << in.rdbuf();
        files.emplace_back(p.filename().string(), ss.str());
    }
    return fromTexts(files);
}

const LexEntry* Lexicon::lookup(std::u32string_view text) const {
    auto it = names_.find(text);
    return it == names_.end() ? nullptr : &entries_[it->second];
}

const LexEntry* Lexicon::lookupAbbreviation(std::u32string_view text) const {
    auto it = abbreviations_.find(text);
    return it == abbreviations_.end() ? nullptr : &entries_[it->second];
}

void Lexicon::buildNameTrie() {
    // Built with a map per node, then laid out flat with each node's children side by side.
    std::vector<std::map<char32_t, std::uint32_t>> children(1);
    std::vector<std::uint32_t> entry(1, kNone);
    for (const auto& [name, index] : names_) {
        if (name.size() >= 2) {
            const std::size_t pair = namePair(name[0], name[1]);
            namePairs_[pair / 64] |= std::uint64_t{1} << (pair % 64);
        }
        std::uint32_t node = 0;
        for (char32_t c : name) {
            auto added = children[node].emplace(c, static_cast<std::uint32_t>(children.size()));
            node = added.first->second;
            if (added.second) {
                children.emplace_back();
                entry.push_back(kNone);
            }
        }
        entry[node] = static_cast<std::uint32_t>(index);
    }
    nameNodes_.assign(children.size(), NameNode{});
    for (std::size_t n = 0; n < children.size(); ++n) {
        nameNodes_[n].firstChild = static_cast<std::uint32_t>(nameChildChars_.size());
        nameNodes_[n].childCount = static_cast<std::uint32_t>(children[n].size());
        nameNodes_[n].entry = entry[n];
        for (const auto& [c, child] : children[n]) {
            nameChildChars_.push_back(c);
            nameChildNodes_.push_back(child);
        }
    }
    for (const auto& [c, child] : children[0])
        if (c < 0x10000)
            nameFirst_[c >> 6] |= std::uint64_t{1} << (c & 63);
    for (std::size_t w = 1; w < nameFirstRank_.size(); ++w)
        nameFirstRank_[w] =
            nameFirstRank_[w - 1] + static_cast<std::uint32_t>(std::popcount(nameFirst_[w - 1]));
}

std::uint32_t Lexicon::nameChild(std::uint32_t node, char32_t c) const {
    const NameNode& n = nameNodes_[node];
    if (node == 0 && c < 0x10000) {
        // The root's BMP children come first, in the order of nameFirst_'s bits: the bits set
        // below c's count its place.
        const std::uint64_t word = nameFirst_[c >> 6];
        const std::uint64_t bit = std::uint64_t{1} << (c & 63);
        if (!(word & bit))
            return kNone;
        return nameChildNodes_[n.firstChild + nameFirstRank_[c >> 6] +
                               static_cast<std::uint32_t>(std::popcount(word & (bit - 1)))];
    }
    const char32_t* first = nameChildChars_.data() + n.firstChild;
    const char32_t* last = first + n.childCount;
    const char32_t* it = std::lower_bound(first, last, c);
    if (it == last || *it != c)
        return kNone;
    return nameChildNodes_[static_cast<std::size_t>(it - nameChildChars_.data())];
}

std::size_t Lexicon::longestMatchAt(std::u32string_view text, std::size_t pos,
                                    const LexEntry** entry) const {
    std::size_t best = 0;
    std::uint32_t found = kNone;
    std::uint32_t node = 0;
    for (std::size_t k = pos; k < text.size(); ++k) {
        node = nameChild(node, text[k]);
        if (node == kNone)
            break;
        // Names of one character are never matched on their own.
        if (k + 1 - pos >= 2 && nameNodes_[node].entry != kNone) {
            best = k + 1 - pos;
            found = nameNodes_[node].entry;
        }
    }
    if (best > 0 && entry)
        *entry = &entries_[found];
    return best;
}

const LexFrame* Lexicon::frame(std::string_view name) const {
    auto it = frames_.find(name);
    return it == frames_.end() ? nullptr : &it->second;
}

std::string_view LexFrame::list(std::string_view slot) const {
    auto it = slots.find(slot);
    if (it == slots.end() || it->second.size() != 1 || it->second[0].size() < 2 ||
        it->second[0].front() != '@')
        return {};
    return std::string_view(it->second[0]).substr(1);
}

std::string_view LexFrame::value(std::string_view slot) const {
    auto it = slots.find(slot);
    if (it == slots.end() || it->second.empty())
        return {};
    return it->second[0];
}

const Lexicon::WordList* Lexicon::wordList(std::string_view list) const {
    // A name pointing into a frame slot's value is that slot's list (the Lexicon does not
    // change once loaded, so the address and length identify the name).
    if (auto slot = listsBySlot_.find(list.data());
        slot != listsBySlot_.end() && slot->second.first == list.size())
        return slot->second.second;
    auto it = words_.find(list);
    return it == words_.end() ? nullptr : &it->second;
}

const std::vector<std::u32string>& Lexicon::words(std::string_view list) const {
    static const std::vector<std::u32string> none;
    const WordList* wl = wordList(list);
    return wl ? wl->words : none;
}

std::size_t Lexicon::longestSuffixIn(const WordList& wl, std::u32string_view text,
                                     std::u32string_view* word) const {
    // The first word in list order among the longest the text ends with.
    auto bucket = wl.byLast.find(text.back());
    if (bucket == wl.byLast.end())
        return 0;
    std::size_t best = 0;
    for (std::uint32_t i : bucket->second) {
        const std::u32string& w = wl.words[i];
        if (w.size() > best && u32::endsWith(text, w)) {
            best = w.size();
            if (word)
                *word = w;
        }
    }
    return best;
}

std::size_t Lexicon::longestPrefixIn(const WordList* wl, std::u32string_view text,
                                     std::size_t pos) const {
    std::u32string_view rest = text.substr(pos);
    if (!wl || rest.empty() || !WordList::marked(wl->firstSeen, rest.front()))
        return 0;
    auto bucket = wl->byFirst.find(rest.front());
    if (bucket == wl->byFirst.end())
        return 0;
    for (std::uint32_t i : bucket->second) // longest first
        if (u32::startsWith(rest, wl->words[i]))
            return wl->words[i].size();
    return 0;
}

} // namespace innograph::extract
