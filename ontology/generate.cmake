cmake_minimum_required(VERSION 3.25)
# Reads ontology.json (-DIN) and writes the C++ tables (-DOUT). Run by the build; a malformed
# file or a relationship naming a label that does not exist stops the build with the reason.
file(READ ${IN} json)
string(JSON nlabels ERROR_VARIABLE err LENGTH "${json}" labels)
if(err)
    message(FATAL_ERROR "${IN}: ${err}")
endif()
math(EXPR lastLabel "${nlabels} - 1")
set(labelRows "")
set(labelConsts "")
set(known "*")
foreach(i RANGE ${lastLabel})
    foreach(field name description color shape)
        string(JSON ${field} GET "${json}" labels ${i} ${field})
    endforeach()
    string(JSON placed GET "${json}" labels ${i} placed)
    if(placed)
        set(placed true)
    else()
        set(placed false)
    endif()
    list(APPEND known ${name})
    string(APPEND labelRows "    {\"${name}\", R\"x(${description})x\", \"${color}\", \"${shape}\", ${placed}},\n")
    string(APPEND labelConsts "inline constexpr const char* k${name} = \"${name}\";\n")
endforeach()

string(JSON ntypes LENGTH "${json}" relationships)
math(EXPR lastType "${ntypes} - 1")
set(typeRows "")
set(typeConsts "")
set(endpointRows "")
set(nendpoints 0)
foreach(i RANGE ${lastType})
    foreach(field type description color)
        string(JSON ${field} GET "${json}" relationships ${i} ${field})
    endforeach()
    string(JSON symmetric GET "${json}" relationships ${i} symmetric)
    if(symmetric)
        set(symmetric true)
    else()
        set(symmetric false)
    endif()
    string(APPEND typeRows "    {\"${type}\", R\"x(${description})x\", \"${color}\", ${symmetric}},\n")
    # HOSTS -> kHosts, PARTNERS_WITH -> kPartnersWith
    string(TOLOWER "${type}" lower)
    string(REPLACE "_" ";" parts "${lower}")
    set(camel "")
    foreach(part ${parts})
        string(SUBSTRING "${part}" 0 1 head)
        string(SUBSTRING "${part}" 1 -1 tail)
        string(TOUPPER "${head}" head)
        string(APPEND camel "${head}${tail}")
    endforeach()
    string(APPEND typeConsts "inline constexpr const char* k${camel} = \"${type}\";\n")
    string(JSON ngroups LENGTH "${json}" relationships ${i} endpoints)
    math(EXPR lastGroup "${ngroups} - 1")
    foreach(g RANGE ${lastGroup})
        string(JSON nfrom LENGTH "${json}" relationships ${i} endpoints ${g} from)
        string(JSON nto LENGTH "${json}" relationships ${i} endpoints ${g} to)
        math(EXPR lastFrom "${nfrom} - 1")
        math(EXPR lastTo "${nto} - 1")
        foreach(f RANGE ${lastFrom})
            string(JSON from GET "${json}" relationships ${i} endpoints ${g} from ${f})
            foreach(t RANGE ${lastTo})
                string(JSON to GET "${json}" relationships ${i} endpoints ${g} to ${t})
                foreach(end ${from} ${to})
                    if(NOT end IN_LIST known)
                        message(FATAL_ERROR "${IN}: ${type} names the label ${end}, which is not among the labels")
                    endif()
                endforeach()
                string(APPEND endpointRows "    {\"${type}\", \"${from}\", \"${to}\"},\n")
                math(EXPR nendpoints "${nendpoints} + 1")
            endforeach()
        endforeach()
    endforeach()
endforeach()

set(content "#pragma once

// Generated from ontology/ontology.json by ontology/generate.cmake at build time; edit the JSON.

#include \"innograph/ontology/types.h\"

#include <array>
#include <string_view>

namespace innograph::ontology {

inline constexpr std::array<LabelInfo, ${nlabels}> kLabels{{
${labelRows}}};

inline constexpr std::array<RelationshipInfo, ${ntypes}> kRelationships{{
${typeRows}}};

// Every (type, start label, end label) the contract allows; \"*\" stands for any label.
inline constexpr std::array<Endpoint, ${nendpoints}> kEndpoints{{
${endpointRows}}};

namespace label {
${labelConsts}} // namespace label

namespace rel {
${typeConsts}} // namespace rel

} // namespace innograph::ontology
")
# Only rewrite when the content changed, so dependants are not rebuilt for nothing.
if(EXISTS ${OUT})
    file(READ ${OUT} old)
    if(old STREQUAL content)
        return()
    endif()
endif()
file(WRITE ${OUT} "${content}")
