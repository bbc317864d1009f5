#include "app/gui/whatif/WhatIfDiff.h"

#include <algorithm>

namespace coroscope {

namespace {

/// Segments that begin at most this many segments before the one found by
/// the binary search are still checked for covering t (a worker lane's
/// clock can make two of its segments overlap a little).
constexpr int kOverlapLookBack = 8;

} // namespace

bool LaneDiff::differs() const
{
    return inOriginal != inVariant || originalState != variantState || originalSwitches != variantSwitches
           || !changes.empty();
}

LaneActivity WhatIfDiff::activityAt(const DigestLane& lane, Nanos t)
{
    const std::vector<Segment>& s = lane.segments;
    LaneActivity a;
    auto it = std::upper_bound(s.begin(), s.end(), t, [](Nanos value, const Segment& seg) { return value < seg.begin; });
    for (auto back = it; back != s.begin() && it - back < kOverlapLookBack;) {
        --back;
        if (back->begin <= t && t < back->end) {
            a.presence = LanePresence::Present;
            a.activity = back->activity;
            a.waitKind = back->activity == Activity::Waiting ? back->waitKind : WaitKind::None;
            return a;
        }
    }
    if (t >= lane.finishedAt)
        a.presence = LanePresence::Finished;
    else if (lane.key == RunDigest::loopKey())
        a.presence = LanePresence::Gap; // the lane holds its idle and blocked time: otherwise it is busy
    else if (t < lane.createdAt || it == s.begin())
        a.presence = LanePresence::NotStarted;
    else
        a.presence = LanePresence::Gap;
    return a;
}

LaneDiff WhatIfDiff::compareLanes(const DigestLane* original, const DigestLane* variant, Nanos horizon)
{
    LaneDiff diff;
    const DigestLane* any = original ? original : variant;
    diff.key = any->key;
    diff.name = any->name;
    if (original) {
        diff.inOriginal = true;
        diff.originalTask = original->task;
        diff.originalState = original->finalState;
        diff.originalSwitches = original->switches;
        diff.originalSpent = original->spent;
    }
    if (variant) {
        diff.inVariant = true;
        diff.variantTask = variant->task;
        diff.variantState = variant->finalState;
        diff.variantSwitches = variant->switches;
        diff.variantSpent = variant->spent;
    }

    // Between two consecutive boundaries neither lane changes what it does.
    std::vector<Nanos> bounds{0, horizon};
    for (const DigestLane* lane : {original, variant}) {
        if (!lane)
            continue;
        bounds.push_back(lane->createdAt);
        bounds.push_back(lane->finishedAt);
        for (const Segment& s : lane->segments) {
            bounds.push_back(s.begin);
            bounds.push_back(s.end);
        }
    }
    std::sort(bounds.begin(), bounds.end());
    bounds.erase(std::unique(bounds.begin(), bounds.end()), bounds.end());
    for (std::size_t i = 0; i + 1 < bounds.size(); ++i) {
        const Nanos a = bounds[i];
        const Nanos b = bounds[i + 1];
        if (a < 0 || b <= a)
            continue;
        const LaneActivity o = original ? activityAt(*original, a) : LaneActivity{};
        const LaneActivity v = variant ? activityAt(*variant, a) : LaneActivity{};
        if (o == v)
            continue;
        if (!diff.changes.empty()) {
            LaneChange& last = diff.changes.back();
            if (last.end == a && last.original == o && last.variant == v) {
                last.end = b;
                continue;
            }
        }
        diff.changes.push_back({a, b, o, v});
    }
    return diff;
}

void WhatIfDiff::compareOutput(const QList<DigestLine>& original, const QList<DigestLine>& variant)
{
    const int n = int(original.size());
    const int m = int(variant.size());
    m_originalDiffers.assign(std::size_t(n), true);
    m_variantDiffers.assign(std::size_t(m), true);
    auto both = [&](int i, int j) {
        m_output.push_back({OutputDiffLine::Side::Both, original[i].text, original[i].stream, i, j});
        m_originalDiffers[std::size_t(i)] = false;
        m_variantDiffers[std::size_t(j)] = false;
    };
    auto onlyOriginal = [&](int i) {
        m_output.push_back({OutputDiffLine::Side::Original, original[i].text, original[i].stream, i, -1});
    };
    auto onlyVariant = [&](int j) {
        m_output.push_back({OutputDiffLine::Side::Variant, variant[j].text, variant[j].stream, -1, j});
    };

    if (n > kMaxLcsLines || m > kMaxLcsLines) {
        for (int k = 0; k < std::max(n, m); ++k) {
            if (k < n && k < m && original[k] == variant[k]) {
                both(k, k);
                continue;
            }
            if (k < n)
                onlyOriginal(k);
            if (k < m)
                onlyVariant(k);
        }
        return;
    }
    // lcs[i][j]: length of the longest common subsequence of original[i..] and variant[j..].
    std::vector<int> lcs(std::size_t(n + 1) * std::size_t(m + 1), 0);
    auto at = [&](int i, int j) -> int& { return lcs[std::size_t(i) * std::size_t(m + 1) + std::size_t(j)]; };
    for (int i = n - 1; i >= 0; --i) {
        for (int j = m - 1; j >= 0; --j)
            at(i, j) = original[i] == variant[j] ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
    }
    int i = 0;
    int j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && original[i] == variant[j]) {
            both(i++, j++);
        } else if (j == m || (i < n && at(i + 1, j) >= at(i, j + 1))) {
            onlyOriginal(i++);
        } else {
            onlyVariant(j++);
        }
    }
}

WhatIfDiff WhatIfDiff::compute(const RunDigest& original, const RunDigest& variant)
{
    WhatIfDiff diff;
    diff.m_originalEnd = original.endTime();
    diff.m_variantEnd = variant.endTime();
    diff.m_originalStatus = original.status();
    diff.m_variantStatus = variant.status();
    const Nanos horizon = std::max(original.endTime(), variant.endTime());
    for (const DigestLane& lane : original.lanes())
        diff.m_lanes.push_back(compareLanes(&lane, variant.lane(lane.key), horizon));
    for (const DigestLane& lane : variant.lanes()) {
        if (!original.lane(lane.key))
            diff.m_lanes.push_back(compareLanes(nullptr, &lane, horizon));
    }
    diff.compareOutput(original.output(), variant.output());
    return diff;
}

const LaneDiff* WhatIfDiff::lane(const QString& key) const
{
    for (const LaneDiff& l : m_lanes) {
        if (l.key == key)
            return &l;
    }
    return nullptr;
}

int WhatIfDiff::changedLanes() const
{
    return int(std::count_if(m_lanes.begin(), m_lanes.end(), [](const LaneDiff& l) { return l.differs(); }));
}

std::vector<KindChange> WhatIfDiff::kindChanges() const
{
    std::vector<KindChange> kinds;
    for (const LaneDiff& lane : m_lanes) {
        std::vector<std::size_t> counted;
        for (const LaneChange& change : lane.changes) {
            auto it = std::find_if(kinds.begin(), kinds.end(), [&](const KindChange& k) {
                return k.original == change.original && k.variant == change.variant;
            });
            if (it == kinds.end()) {
                kinds.push_back({change.original, change.variant, 0, 0});
                it = kinds.end() - 1;
            }
            it->duration += change.end - change.begin;
            const std::size_t index = std::size_t(it - kinds.begin());
            if (std::find(counted.begin(), counted.end(), index) == counted.end()) {
                counted.push_back(index);
                ++it->lanes;
            }
        }
    }
    std::stable_sort(kinds.begin(), kinds.end(),
                     [](const KindChange& a, const KindChange& b) { return a.duration > b.duration; });
    return kinds;
}

int WhatIfDiff::changedOutputLines() const
{
    return int(std::count_if(m_output.begin(), m_output.end(),
                             [](const OutputDiffLine& l) { return l.side != OutputDiffLine::Side::Both; }));
}

bool WhatIfDiff::isEmpty() const
{
    return m_originalEnd == m_variantEnd && m_originalStatus == m_variantStatus && changedLanes() == 0
           && changedOutputLines() == 0;
}

std::vector<Nanos> WhatIfDiff::stops() const
{
    std::vector<Nanos> stops{0, m_originalEnd, m_variantEnd};
    for (const LaneDiff& lane : m_lanes) {
        for (const LaneChange& change : lane.changes) {
            stops.push_back(change.begin);
            stops.push_back(change.end);
        }
    }
    std::sort(stops.begin(), stops.end());
    stops.erase(std::unique(stops.begin(), stops.end()), stops.end());
    return stops;
}

} // namespace coroscope
