#pragma once

// Reference data from the gazetteer tables (data/lexicon/gazetteer-*.txt): a Region's kind and
// adcode, where a park, university or zone lies, a zone's member parks. Facts from a list are
// recorded with `sources` naming the list (gazetteer:…), never a document, and only for
// entities a document mentions.

#include "innograph/extract/entities.h"
#include "innograph/extract/lexicon.h"
#include "innograph/extract/model.h"
#include "innograph/extract/text.h"

#include <vector>

namespace innograph::extract {

// The province a region lies in by the lists (鹿泉区 → 河北省), or empty.
std::u32string provinceOfRegion(const Lexicon& lex, std::u32string_view name);

// Drops mentions of a county or district by its bare name (鹿泉 for 鹿泉区) unless the division
// lies in the document's own province: two characters that name a county in Hebei are often
// just two characters in a plan from elsewhere.
void dropForeignBareDivisions(const Lexicon& lex, const CleanText& text, const DocPlace& place,
                              std::vector<Mention>& mentions);

// Adds the lists' properties and facts for the entities of one document's graph.
void addReferenceFacts(const Lexicon& lex, ExtractedGraph& graph);

} // namespace innograph::extract
