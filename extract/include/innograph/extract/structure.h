#pragma once

// Stage 3, structure: headings (一、 (一) 1. ——), the programmes of work (工程, 行动) and their
// numbered tasks, and the responsibility clauses ((责任单位:…), (牵头单位:…,配合单位:…))
// attached to the task or programme they close.

#include "innograph/extract/lexicon.h"
#include "innograph/extract/text.h"

#include <cstddef>
#include <string>
#include <vector>

namespace innograph::extract {

struct Heading {
    int level = 0;         // 1: 一、  2: (一)  3: 1. / 1、  4: (1)  5: ——
    std::size_t begin = 0; // start of the heading line
    std::size_t titleBegin = 0;
    std::size_t titleEnd = 0;
    std::size_t bodyEnd = 0; // where the next heading of the same or a higher level starts
    std::u32string title;
};

struct Programme {
    std::size_t heading = 0; // index into Structure::headings
    std::u32string name;     // 科技企业梯度培育工程
};

struct TaskItem {
    std::size_t heading = 0;
    std::u32string name; // the heading's first sentence: 培育国内一流的创新领军企业
    int programme = -1;  // index into Structure::programmes, or -1
};

struct Responsibility {
    std::size_t begin = 0; // the clause, brackets included
    std::size_t end = 0;
    std::vector<std::u32string> leads; // as written: 市科技局, 经发局<金融办>
    std::vector<std::u32string> supports;
    // What the clause is attached to: a task, else a programme.
    int task = -1;
    int programme = -1;
};

struct Structure {
    std::vector<Heading> headings;
    std::vector<Programme> programmes;
    std::vector<TaskItem> tasks;
    std::vector<Responsibility> responsibilities;
};

Structure readStructure(const Lexicon& lexicon, const CleanText& text);

// Splits the members of a responsibility list: 、 , ; and spaces at bracket depth 0.
std::vector<std::u32string> splitMembers(std::u32string_view list);

} // namespace innograph::extract
