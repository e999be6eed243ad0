#pragma once

// Stage 2, document: the facts about the document itself — title, date, issuer and the
// documents it cites (国科发火〔2013〕388号).

#include "innograph/extract/lexicon.h"
#include "innograph/extract/text.h"

#include <cstddef>
#include <string>
#include <vector>

namespace innograph::extract {

struct DocumentInfo {
    std::string title;          // empty when the text has no title line
    std::size_t titleBegin = 0; // character range of the title in CleanText::text
    std::size_t titleEnd = 0;
    std::string date;               // ISO 8601 (YYYY-MM-DD) or empty
    std::string issuer;             // as written, e.g. 湖南省科学技术厅
    std::vector<std::string> cites; // document numbers, e.g. 国科发火〔2013〕388号
};

DocumentInfo readDocumentInfo(const Lexicon& lexicon, const CleanText& text);

} // namespace innograph::extract
