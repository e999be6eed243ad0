# Writes a C++ source holding every data/lexicon/*.txt file, so the library carries its tables
# and needs no data directory at run time. Run as: cmake -DDIR=… -DOUT=… -P embed_lexicon.cmake
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
    string(APPEND body "        {\"${name}\", R\"LEXICON(${content})LEXICON\"},\n")
endforeach()
file(WRITE ${OUT}.tmp "// Generated from data/lexicon by extract/embed_lexicon.cmake. Do not edit.
#include <string>
#include <utility>
#include <vector>

namespace innograph::extract {
const std::vector<std::pair<std::string, std::string>>& builtinLexiconFiles() {
    static const std::vector<std::pair<std::string, std::string>> files = {
${body}    };
    return files;
}
} // namespace innograph::extract
")
execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different ${OUT}.tmp ${OUT})
