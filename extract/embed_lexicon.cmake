# Writes a C++ source holding every data/lexicon/*.txt file, so the library carries its tables
# and needs no data directory at run time. Run as: cmake -DDIR=… -DOUT=… -P embed_lexicon.cmake
cmake_minimum_required(VERSION 3.20)
file(GLOB files ${DIR}/*.txt)
list(SORT files)
set(body "")
foreach(f ${files})
    get_filename_component(name ${f} NAME)
    file(READ ${f} content)
    string(FIND "${content}" ")LEXICON\"" clash)
    if(NOT clash EQUAL -1)
        message(FATAL_ERROR "${f} contains the raw-string delimiter")
    endif()
    # One literal per piece of at most 60,000 bytes, cut after a line end: compilers need only
    # accept 65,536 bytes in one literal (clang's -Woverlength-strings), and a cut inside a
    # UTF-8 sequence would leave each literal with invalid text.
    set(pieces "")
    while(TRUE)
        string(LENGTH "${content}" length)
        if(length LESS_EQUAL 60000)
            string(APPEND pieces "R\"LEXICON(${content})LEXICON\"")
            break()
        endif()
        string(SUBSTRING "${content}" 0 60000 head)
        string(FIND "${head}" "\n" cut REVERSE)
        if(cut EQUAL -1)
            message(FATAL_ERROR "${f} has a line longer than 60,000 bytes")
        endif()
        math(EXPR cut "${cut} + 1")
        string(SUBSTRING "${content}" 0 ${cut} head)
        string(SUBSTRING "${content}" ${cut} -1 content)
        string(APPEND pieces "R\"LEXICON(${head})LEXICON\",\n            ")
    endwhile()
    string(APPEND body "        {\"${name}\", joined({${pieces}})},\n")
endforeach()
file(WRITE ${OUT}.tmp "// Generated from data/lexicon by extract/embed_lexicon.cmake. Do not edit.
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace innograph::extract {
namespace {
std::string joined(std::initializer_list<std::string_view> pieces) {
    std::string out;
    for (std::string_view piece : pieces) {
        out.append(piece);
    }
    return out;
}
} // namespace

const std::vector<std::pair<std::string, std::string>>& builtinLexiconFiles() {
    static const std::vector<std::pair<std::string, std::string>> files = {
${body}    };
    return files;
}
} // namespace innograph::extract
")
execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different ${OUT}.tmp ${OUT})
