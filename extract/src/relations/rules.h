#pragma once

// The relation rules of one document. The shared parts (scopes, enumerations, industry names,
// the document's own place) are in rules.cpp; each rule family is in its own file of this
// folder and reads its words through its frame in data/lexicon/frames-*.txt.

#include "innograph/extract/model.h"
#include "innograph/extract/relations.h"
#include "innograph/extract/word_dictionary.h"
#include "u32.h"

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

namespace innograph::extract::detail {

// Punctuation the cleaner keeps in full width, written as escapes.
inline constexpr char32_t kEnumComma = U'\u3001'; // ideographic comma between list items
inline constexpr char32_t kFullStop = U'\u3002';  // ideographic full stop
inline constexpr char32_t kOpenQuote = U'\u201c';
inline constexpr char32_t kCloseQuote = U'\u201d';
inline constexpr char32_t kOpenSingleQuote = U'\u2018';
inline constexpr char32_t kCloseSingleQuote = U'\u2019';

inline bool isClauseBreak(char32_t c) {
    return c == U',' || c == U';' || c == kFullStop || c == U'\n' || c == U':' || c == U'!' ||
           c == U'?';
}
inline bool isSentenceBreak(char32_t c) {
    return c == kFullStop || c == U'\n' || c == U'!' || c == U'?';
}

inline std::u32string stripQuotes(std::u32string_view s) {
    std::u32string out;
    for (char32_t c : s)
        if (c != kOpenQuote && c != kCloseQuote && c != U'"' && c != kOpenSingleQuote &&
            c != kCloseSingleQuote)
            out.push_back(c);
    return out;
}

inline bool isPlaceLabel(const std::string& l) {
    return l == labels::kPark || l == labels::kZone || l == labels::kRegion;
}

class Rules {
public:
    Rules(const EntityRecognizer& rec, const CleanText& ct, const Structure& st,
          const DocPlace& place, std::vector<Mention>& mentions, const RelationOptions& opt)
        : rec_(rec), lex_(rec.lexicon()), t_(ct.text), st_(st), place_(place), ms_(mentions),
          opt_(opt) {
        if (auto words = WordDictionary::shared(); words.isOk())
            words_ = words.value().get();
        for (std::size_t i = 0; i < ms_.size(); ++i) {
            endingAt_[ms_[i].end] = i;
            startingAt_[ms_[i].begin] = i;
        }
    }

    std::vector<Fact> run();

    // The frames each rule family reads and the slots it asks for: checked once at load.
    static const std::vector<std::pair<std::string_view, std::vector<std::string_view>>>&
    frameSlots();

private:
    // The @words list that `slot` of `frame` names (frameSlots() lists every one a rule asks
    // for, and loading checks that each exists).
    std::string_view list(std::string_view frame, std::string_view slot) const;
    // Length of a list's closing word (等) at `pos`, 0 if none. Inline: rules ask it at every
    // position of the text.
    std::size_t closerAt(std::size_t pos) const {
        if (!closer_)
            closer_ = lex_.list(list("enumeration", "closer"));
        return pos < t_.size() ? lex_.longestPrefixAt(*closer_, t_, pos) : 0;
    }
    // The first closing word in [b, e), or npos.
    std::size_t findCloser(std::size_t b, std::size_t e) const;
    // Length of the word in front of a list's first item at `pos` (a verb, adverb or
    // preposition: 发展, 积极, 在), 0 if none: a word of the lead-words list, or the first word
    // of the dictionary's segmentation of [pos, end) when its part of speech is one of
    // lead-tags and it is frequent; at least two characters of [pos, end) stay after it.
    std::size_t leadWordAt(std::size_t pos, std::size_t end) const;
    // The dictionary's part of leadWordAt for the `window` (at most 16) characters at `pos`:
    // the first word of their segmentation when it is a frequent word of a lead tag, else 0.
    std::size_t dictionaryLeadWordAt(std::size_t pos, std::size_t window) const;
    // Whether t_[pos] is the attributive linker (的).
    bool linkerAt(std::size_t pos) const;
    const EntityRecognizer& rec_;
    const Lexicon& lex_;
    std::u32string_view t_;
    const Structure& st_;
    const DocPlace& place_;
    std::vector<Mention>& ms_;
    const RelationOptions& opt_;
    const WordDictionary* words_ = nullptr;
    std::map<std::size_t, std::size_t> endingAt_;
    std::map<std::size_t, std::size_t> startingAt_;
    std::vector<Fact> facts_;
    mutable std::optional<bool> provincial_;
    mutable std::optional<Lexicon::List> closer_; // closerAt's list, found at its first call
    // dictionaryLeadWordAt's answers by pos * 17 + window: the rules read the opening of the
    // same lists again (industriesFrom, hostsByClusters), and half the segmentations were
    // repeats.
    mutable std::unordered_map<std::size_t, std::size_t> dictionaryLeadWords_;
    // list()'s answers by the addresses of its arguments (the rules pass literals), each
    // checked against the strings it was resolved for: the rules ask millions of times a
    // document for the same few dozen lists.
    struct ListMemo {
        std::string frame, slot;
        std::string_view list;
    };
    struct AddressPairHash {
        std::size_t operator()(const std::pair<const void*, const void*>& p) const {
            return std::hash<const void*>{}(p.first) * 31 + std::hash<const void*>{}(p.second);
        }
    };
    mutable std::unordered_map<std::pair<const void*, const void*>, ListMemo, AddressPairHash>
        listMemo_;
    std::set<std::tuple<std::string, std::size_t, std::size_t>> seen_;

    std::pair<std::size_t, std::size_t> clauseAround(std::size_t pos) const;

    std::vector<std::size_t> mentionsIn(std::size_t b, std::size_t e) const;

    std::optional<std::size_t> endingAt(std::size_t pos) const;
    std::optional<std::size_t> startingAt(std::size_t pos) const;

    void addFact(const char* type, std::size_t from, std::size_t to, std::size_t at);

    std::size_t addMention(Mention m);

    // An industry named by its place in a list: 人工智能产业 → 人工智能.
    // minLength is 1 only where a place names the item (滦南锹: the county's spade industry).
    std::optional<std::size_t> industryMention(std::u32string_view item, std::size_t begin,
                                               std::size_t minLength = 2);

    // 特色主导 or 精准谋划一区一 is no industry: a name made only of qualifiers (特色, 主导,
    // 优势…), or one holding a word no industry name holds (谋划, 一区一…).
    bool isIndustryName(std::u32string_view s) const;

    std::vector<std::size_t> industriesFrom(std::size_t b, std::size_t e);

    std::vector<std::size_t> placesIn(std::size_t b, std::size_t e) const;

    // 人工智能产业重点依托沈阳高新区、大连高新区和三好街园区
    void hostsByAnchor();

    // The items of "<verb> A、B和C等(五大)产业": returns [b, e) of the list, or nothing; the
    // frame's `heads` end the list, or its `list-heads` open the text after the closer.
    std::optional<std::pair<std::size_t, std::size_t>> industryList(std::size_t b, std::size_t e,
                                                                    std::string_view frame) const;

    // The verb frames of HOSTS (hosts-verb, hosts-clause-verb), applied by one engine.
    void hostsByVerbFrame(std::string_view frame);
    std::optional<std::size_t> productAfterList(std::size_t b, std::size_t e,
                                                std::string_view products);

    // The document's own place at the level it speaks of most (我省/全省 against 我市/全市).
    std::optional<std::size_t> selfMention(std::size_t at);

    bool provincial() const;

    // A bare 高新区 in a provincial plan means every high-tech zone, not the one it names most.
    bool genericSubject(std::size_t m) const;

    // Whether only a heading marker and adverbs stand between the clause start and `pos`.
    bool opensClause(std::size_t cb, std::size_t pos) const;

    // 秦皇岛、唐山、沧州市重点发展…: the places listed with the subject, back to the first.
    std::vector<std::size_t> placeEnumerationEndingWith(std::size_t last) const;

    // 推动涿州汽车零部件制造、固安电子信息等先进制造产业集群: each item of a list of clusters
    // is a county or city followed by its industry.
    void hostsByClusters();

    std::optional<std::size_t> regionAt(std::size_t pos) const;

    // 清河羊绒: a county of the document's province named without its 县/市 at `k`, or nothing.
    std::optional<std::size_t> bareCountyAt(std::size_t k, std::size_t e);

    // One item of a cluster list: a county and its industry (滦南锹: one character will do
    // after a county), or counties joined by a conjunction sharing one (A和B自行车), or
    // several joined (烟台海洋生物与医药 stays one industry: no county follows 与).
    void clusterItem(std::size_t b, std::size_t e, std::vector<std::size_t>& pending,
                     std::size_t at);

    // 在我市芳烃及精细化工、铝合金精深加工、装备制造等主导产业领域;
    // 集聚区智能装备产业和生命健康两大主导产业
    void hostsByLeadingIndustries();

    // Whether a head word of `heads` opens the text at `pos`, after numerals and a counter
    // (五大, 两个) and qualifiers (重点, 战略性): the 等 of 等五大重点领域 closes a list.
    bool opensHead(std::string_view heads, std::size_t pos) const;

    // Past numerals and their counter (5个, 五大) at `pos`.
    std::size_t skipCount(std::size_t pos) const;

    // Industries of a list every item of which is an industry name, or nothing: a frame whose
    // objects are not all industries (围绕打造…) is another frame.
    std::optional<std::vector<std::size_t>> allIndustries(std::size_t b, std::size_t e);

    // Whether [b, e) names nothing but industries (a park or a department is no list item).
    bool onlyIndustriesIn(std::size_t b, std::size_t e) const;

    // The place whose mention ends at `pos` over adverbs between (我省已经在…), or nothing.
    std::optional<std::size_t> placeEndingBefore(std::size_t cb, std::size_t pos) const;

    // 支持甲、乙市在X、Y等重点领域实现突破; 我省已在X产业、Y产业等超前布局: the places before
    // a preposition of field host the industries of the list after it, closed by 等 and a head
    // (领域, 产业…) or made of items that each end in 产业/领域.
    void hostsByFieldPreposition();

    // 建设甲、乙、丙5大数据产业基地; 打造甲县、乙县等数字经济产业园区; 甲市的X产业集聚区: places
    // right before an industry and a head of bases host the industry.
    void hostsByPlaceBases();

    // 某市新一代人工智能创新发展试验区, 某县机器人产业基地: a park or zone named after a place
    // and an industry the lexicon knows hosts that industry. (Open-class words before 产业园
    // are often no industry: 中日高科技产业园, 中欧膜产业园.)
    void hostsByName();

    // 支持甲市围绕数字经济和科技服务业,建设…: a place right before a preposition of focus
    // hosts the list after it when every item is an industry.
    void hostsByFocus();

    // 支持甲市发挥A、B和C优势; 依托A、B等科技创新优势,着力打造… (its subject in the sentence
    // before): the places host the items of the list whose head is a sector noun.
    void hostsByStrength();

    // The places the sentence before `sentenceBegin` speaks of, in the same paragraph, when it
    // names exactly one (加快甲示范区建设。依托…): the topic a sentence with no subject carries on.
    std::vector<std::size_t> topicBefore(std::size_t sentenceBegin) const;

    // The items of [b, e) that name a sector (the lexicon's industries, or a name ending in a
    // sector head noun after a modifier: 制造业, 功能性食品); other items are skipped.
    std::vector<std::size_t> sectorsIn(std::size_t b, std::size_t e);

    // 支持甲市培育以先进制造、高端装备为特色的…中心: the place of the clause hosts the
    // industries a feature frame (以…为特色/为主导) names.
    void hostsByFeature();

    // 3.轨道交通装备领域。…依托甲、乙市重点发展…: in the entry of a heading naming an industry,
    // the places an anchor (依托) or a hosts verb has as subject, or listed before 等地, host it.
    // 1.甲高新区。重点发展A、B等产业: a heading naming a place is the subject of its entry.
    void hostsByEntryHeading();
    // A plan written for an industry (为加快X产业发展…制定本计划): its place and layout.
    void hostsByPlanIndustry();

    // Whether an industry the recogniser found in [b, e) starts it (塑强人工智能全产业链 is a task,
    // not a field).
    bool industryFirst(std::size_t b, std::size_t e) const;

    void industryEntry(std::size_t ind, std::size_t b, std::size_t e);

    void placeEntry(std::size_t place, std::size_t b, std::size_t e);

    // 依托中德园对德合作; 沈阳高新区对美合作
    void cooperates();
    // 济南中日高科技产业园 → 日本: a park named for a bilateral partnership.
    void cooperatesByName();

    std::optional<std::size_t> docPlaceMention(bool wantRegion, std::size_t at);

    // 深化与中科院、大连理工大学…的合作; 辽宁奥克化学集团与大连理工大学共建…
    void partners();

    // 东北大学新材料研究院 → 东北大学; 中科院沈阳…分中心 → 中国科学院
    void affiliations();

    // 作为自创区核心区的大连高新区; 大连高新区是沈大自创区的核心区
    void partOf();
    // 甲示范区包括乙高新区、丙高新区; 甲示范区由乙、丙高新区组成.
    void partOfByComposition();
    bool memberFits(std::size_t part, std::size_t whole) const;

    // 本溪高新区 → 本溪市: the place a park or company is named after.
    void locatedIn();

    // 东软、忠旺、华信等一批…的大企业: bare names in a list headed by 企业.
    void bareEnterprises();

    // 到2020年…R&D经费支出占地区生产总值比重达到2%
    void targets();

    void sentenceTargets(std::size_t b, std::size_t e);

    void clauseTarget(std::size_t cb, std::size_t ce, int year);

    void responsibilities();

    // 市科学技术部门负责…; 市商务、财政…等部门在各自职责范围内…: LEADS and SUPPORTS of the
    // programme a statute's title names, read from its general provisions.
    void statuteDuties();
    void clauseDuties(const LexFrame& f, std::size_t s, std::size_t ce, bool first,
                      const std::u32string& sentenceQualifier,
                      const std::function<std::size_t()>& target);
};

} // namespace innograph::extract::detail
