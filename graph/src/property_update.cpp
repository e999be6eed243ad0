#include "property_update.h"

#include "codec.h"

#include <algorithm>

namespace innograph::graph::detail {
namespace {

constexpr char kUpdateTag = 'U';

Status bad(const char* what) {
    return Status::corruption(std::string("relationship update: ") + what);
}

Status decodeMap(std::string_view* in, PropertyMap* out) {
    Value v;
    if (auto s = codec::decodeValue(in, &v); !s.isOk())
        return s;
    if (!v.isMap())
        return bad("expected a map");
    *out = std::move(v.asMap());
    return Status::ok();
}

void append(Value* target, const Value& items, bool distinct) {
    if (items.isNull())
        return;
    if (target->isNull())
        *target = Value(ValueList{});
    else if (!target->isList())
        *target = Value(ValueList{std::move(*target)});
    ValueList& list = target->asList();
    auto add = [&](const Value& item) {
        if (distinct && std::find(list.begin(), list.end(), item) != list.end())
            return;
        list.push_back(item);
    };
    if (items.isList())
        for (const auto& item : items.asList())
            add(item);
    else
        add(items);
}

class RelationshipUpdateOperator : public rocksdb::MergeOperator {
public:
    bool FullMergeV2(const MergeOperationInput& in, MergeOperationOutput* out) const override {
        if (in.existing_value == nullptr)
            return false; // see relationshipUpdateOperator()
        std::string operands;
        for (const auto& op : in.operand_list)
            operands.append(op.data(), op.size());
        std::string_view base(in.existing_value->data(), in.existing_value->size());
        return applyToRelationshipRecord(base, operands, &out->new_value).isOk();
    }
    bool PartialMergeMulti(const rocksdb::Slice&, const std::deque<rocksdb::Slice>& operands,
                           std::string* newValue, rocksdb::Logger*) const override {
        newValue->clear();
        for (const auto& op : operands)
            newValue->append(op.data(), op.size());
        return true;
    }
    const char* Name() const override { return "innograph.RelationshipUpdate"; }
};

} // namespace

std::string encodePropertyUpdate(const PropertyUpdate& update) {
    std::string out(1, kUpdateTag);
    out.push_back(static_cast<char>(Value::Kind::Map));
    codec::encodeProperties(&out, update.set);
    ValueList removed;
    for (const auto& [k, v] : update.set)
        if (v.isNull())
            removed.emplace_back(k);
    codec::encodeValue(&out, Value(std::move(removed)));
    out.push_back(static_cast<char>(Value::Kind::Map));
    codec::encodeProperties(&out, update.append);
    out.push_back(static_cast<char>(Value::Kind::Map));
    codec::encodeProperties(&out, update.appendDistinct);
    return out;
}

Status applyPropertyUpdates(std::string_view in, PropertyMap* props) {
    while (!in.empty()) {
        if (in.front() != kUpdateTag)
            return bad("unknown tag");
        in.remove_prefix(1);
        PropertyMap set, appended, appendedDistinct;
        Value removed;
        if (auto s = decodeMap(&in, &set); !s.isOk())
            return s;
        if (auto s = codec::decodeValue(&in, &removed); !s.isOk())
            return s;
        if (!removed.isList())
            return bad("expected a list of removed keys");
        if (auto s = decodeMap(&in, &appended); !s.isOk())
            return s;
        if (auto s = decodeMap(&in, &appendedDistinct); !s.isOk())
            return s;
        for (auto& [k, v] : set)
            (*props)[k] = std::move(v);
        for (const auto& k : removed.asList()) {
            if (!k.isString())
                return bad("a removed key is not a string");
            if (auto it = props->find(k.asString()); it != props->end())
                props->erase(it);
        }
        for (const auto& [k, v] : appended)
            append(&(*props)[k], v, false);
        for (const auto& [k, v] : appendedDistinct)
            append(&(*props)[k], v, true);
    }
    return Status::ok();
}

Status applyToRelationshipRecord(std::string_view record, std::string_view operands,
                                 std::string* out) {
    codec::RelRecord rec;
    if (auto s = codec::decodeRel(record, &rec); !s.isOk())
        return s;
    if (auto s = applyPropertyUpdates(operands, &rec.properties); !s.isOk())
        return s;
    *out = codec::encodeRel(rec.type, rec.start, rec.end, rec.properties);
    return Status::ok();
}

std::shared_ptr<rocksdb::MergeOperator> relationshipUpdateOperator() {
    return std::make_shared<RelationshipUpdateOperator>();
}

} // namespace innograph::graph::detail
