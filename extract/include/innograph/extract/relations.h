#pragma once

// Stage 5, relations: rules over clause patterns for the relationship types of the ontology.
// Rules read only the text, the mentions and the structure; the lexicon gives them trigger
// words, never facts.

#include "innograph/extract/entities.h"
#include "innograph/extract/structure.h"

#include <cstddef>
#include <string>
#include <vector>

namespace innograph::extract {

struct Fact {
    std::string type;
    std::size_t from = 0; // indexes into the mentions vector
    std::size_t to = 0;
    std::size_t evidenceBegin = 0; // character range of the sentence it was read from
    std::size_t evidenceEnd = 0;
};

struct RelationOptions {
    // Task → Program as PART_OF relationships (the ontology allows it). Off by default: the
    // membership is also kept as the Task's `programme` property.
    bool taskPartOfEdges = false;
};

// Reads the facts of one document. May append mentions the rules find by position (an
// industry in a list, a bare enterprise name, tasks, programmes, targets, departments of a
// responsibility clause).
std::vector<Fact> readRelations(const EntityRecognizer& recognizer, const CleanText& text,
                                const Structure& structure, const DocPlace& place,
                                std::vector<Mention>& mentions,
                                const RelationOptions& options = {});

// Checks once, at load, that the lexicon has every @frame the relation rules read and that each
// slot they ask for names one @words list (the lexicon itself checks that the list exists).
graph::Status checkRelationFrames(const Lexicon& lexicon);

// Splits an enumeration (A、B和C) into items; 和/与 split when one side is a finished item,
// 及 only when both are (芳烃及精细化工 is one industry).
std::vector<std::u32string> splitEnumeration(const Lexicon& lexicon, std::u32string_view text);

// Sentence [begin, end) around `pos`: between 。!? or line breaks.
std::pair<std::size_t, std::size_t> sentenceAround(std::u32string_view text, std::size_t pos);

} // namespace innograph::extract
