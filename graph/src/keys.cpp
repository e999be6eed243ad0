#include "keys.h"

namespace innograph::graph::keys {

void putBe32(std::string* out, std::uint32_t v) {
    for (int shift = 24; shift >= 0; shift -= 8)
        out->push_back(static_cast<char>(v >> shift));
}

void putBe64(std::string* out, std::uint64_t v) {
    for (int shift = 56; shift >= 0; shift -= 8)
        out->push_back(static_cast<char>(v >> shift));
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

std::uint32_t getBe32(const char* p) {
    std::uint32_t v = 0;
    for (int i = 0; i < 4; ++i)
        v = (v << 8) | static_cast<unsigned char>(p[i]);
    return v;
}

std::uint64_t getBe64(const char* p) {
    std::uint64_t v = 0;
    for (int i = 0; i < 8; ++i)
        v = (v << 8) | static_cast<unsigned char>(p[i]);
    return v;
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
    auto put = [&out](std::uint64_t v, int bytes) {
        for (int shift = 8 * (bytes - 1); shift >= 0; shift -= 8)
            *out++ = static_cast<char>(v >> shift);
    };
    put(self, 8);
    put(type, 4);
    put(other, 8);
    put(rel, 8);
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
