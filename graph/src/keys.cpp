#include "keys.h"

#include <bit>
#include <cstring>

namespace innograph::graph::keys {

// Into a buffer, then one append: a push_back per byte checked the capacity eight times, and
// keys are built millions of times in a load.
void putBe32(std::string* out, std::uint32_t v) {
    char b[sizeof v];
    writeBe32(b, v);
    out->append(b, sizeof b);
}

void putBe64(std::string* out, std::uint64_t v) {
    char b[sizeof v];
    writeBe64(b, v);
    out->append(b, sizeof b);
}

std::string be32(std::uint32_t v) {
    std::string s;
    putBe32(&s, v);
    return s;
}

std::string be64(std::uint64_t v) {
    std::string s;
    putBe64(&s, v);
    return s;
}

std::string nodeKey(NodeId id) {
    std::string k;
    putBe64(&k, id);
    return k;
}

std::string relKey(RelId id) {
    return nodeKey(id);
}

std::string adjKey(NodeId self, TypeId type, NodeId other, RelId rel) {
    std::string k(kAdjKeySize, '\0');
    writeAdjKey(k.data(), self, type, other, rel);
    return k;
}

void writeAdjKey(char* out, NodeId self, TypeId type, NodeId other, RelId rel) {
    // Big-endian fields by byte swap and copy: byte-at-a-time stores cost 125 instructions a key.
    writeBe64(out, self);
    writeBe32(out + 8, type);
    writeBe64(out + 12, other);
    writeBe64(out + 20, rel);
}

std::string adjPrefix(NodeId self) {
    return nodeKey(self);
}

std::string adjTypePrefix(NodeId self, TypeId type) {
    std::string k = nodeKey(self);
    putBe32(&k, type);
    return k;
}

std::string labelKey(LabelId label, NodeId node) {
    std::string k;
    putBe32(&k, label);
    putBe64(&k, node);
    return k;
}

std::string labelPrefix(LabelId label) {
    std::string k;
    putBe32(&k, label);
    return k;
}

std::string nameKey(std::string_view normalized, NodeId node) {
    std::string k = namePrefix(normalized);
    putBe64(&k, node);
    return k;
}

std::string namePrefix(std::string_view normalized) {
    std::string k(normalized);
    k.push_back('\0');
    return k;
}

std::string prefixUpperBound(std::string_view prefix) {
    std::string k(prefix);
    while (!k.empty()) {
        auto c = static_cast<unsigned char>(k.back());
        if (c != 0xff) {
            k.back() = static_cast<char>(c + 1);
            return k;
        }
        k.pop_back();
    }
    return k;
}

AdjEntry parseAdjKey(std::string_view key) {
    const char* p = key.data();
    return {getBe64(p), getBe32(p + 8), getBe64(p + 12), getBe64(p + 20)};
}

std::string labelCounterKey(LabelId label) {
    std::string k = "L";
    putBe32(&k, label);
    return k;
}

std::string typeCounterKey(TypeId type) {
    std::string k = "T";
    putBe32(&k, type);
    return k;
}

std::string labelDictKey(std::string_view name) {
    return kLabelDictPrefix + std::string(name);
}
std::string typeDictKey(std::string_view name) {
    return kTypeDictPrefix + std::string(name);
}
std::string propertyKeyKey(std::string_view name) {
    return kPropertyKeyPrefix + std::string(name);
}

} // namespace innograph::graph::keys
