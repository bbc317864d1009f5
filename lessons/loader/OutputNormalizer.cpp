#include "lessons/loader/OutputNormalizer.h"

#include <QByteArray>
#include <QRegularExpression>

#include <algorithm>
#include <array>
#include <utility>
#include <vector>

namespace coroscope::lessons {

namespace {

struct RuleName {
    NormalizeRule rule;
    const char* name;
};

constexpr std::array<RuleName, 3> kRules{{
    {NormalizeRule::Addresses, "addresses"},
    {NormalizeRule::SetOrder, "set-order"},
    {NormalizeRule::LineOrder, "line-order"},
}};

/// Sorts by code point, as Python's sorted() does with str (UTF-16 order
/// differs from it above the BMP; UTF-8 byte order does not).
void sortByCodePoint(QStringList& items)
{
    std::vector<std::pair<QByteArray, QString>> keyed;
    keyed.reserve(std::size_t(items.size()));
    for (const QString& item : std::as_const(items))
        keyed.emplace_back(item.toUtf8(), item);
    std::stable_sort(keyed.begin(), keyed.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    items.clear();
    for (auto& [bytes, item] : keyed)
        items.append(std::move(item));
}

/// The end (one past the closing '>') of the repr "<...>" starting at `from`,
/// with nested angle brackets and quoted strings skipped; -1 if it does not
/// close on its line.
qsizetype reprEnd(const QString& text, qsizetype from)
{
    int depth = 0;
    QChar quote;
    for (qsizetype k = from; k < text.size(); ++k) {
        const QChar c = text[k];
        if (c == QLatin1Char('\n'))
            return -1;
        if (!quote.isNull()) {
            if (c == QLatin1Char('\\'))
                ++k;
            else if (c == quote)
                quote = QChar();
        } else if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
            quote = c;
        } else if (c == QLatin1Char('<')) {
            ++depth;
        } else if (c == QLatin1Char('>') && --depth == 0) {
            return k + 1;
        }
    }
    return -1;
}

/// The items of the set "{<...>, <...>}" whose '{' is at `open`, and the
/// position after its '}'; nullopt when no such set starts there.
std::optional<std::pair<QStringList, qsizetype>> setAt(const QString& text, qsizetype open)
{
    QStringList items;
    qsizetype at = open + 1;
    for (;;) {
        if (at >= text.size() || text[at] != QLatin1Char('<'))
            return std::nullopt;
        const qsizetype end = reprEnd(text, at);
        if (end < 0)
            return std::nullopt;
        items.append(text.mid(at, end - at));
        at = end;
        if (text.mid(at, 2) == QLatin1String(", ")) {
            at += 2;
        } else if (at < text.size() && text[at] == QLatin1Char('}')) {
            return std::pair{items, at + 1};
        } else {
            return std::nullopt;
        }
    }
}

} // namespace

OutputNormalizer::OutputNormalizer(QList<NormalizeRule> rules)
    : m_rules(std::move(rules))
{
}

std::optional<NormalizeRule> OutputNormalizer::ruleNamed(const QString& name)
{
    for (const RuleName& r : kRules)
        if (name == QLatin1String(r.name))
            return r.rule;
    return std::nullopt;
}

QString OutputNormalizer::nameOf(NormalizeRule rule)
{
    for (const RuleName& r : kRules)
        if (r.rule == rule)
            return QString::fromLatin1(r.name);
    return {};
}

QStringList OutputNormalizer::ruleNames()
{
    QStringList names;
    for (const RuleName& r : kRules)
        names.append(QString::fromLatin1(r.name));
    return names;
}

QString OutputNormalizer::apply(const QString& text) const
{
    QString out = text;
    if (m_rules.contains(NormalizeRule::Addresses))
        out = replaceAddresses(out);
    if (m_rules.contains(NormalizeRule::SetOrder))
        out = sortSetItems(out);
    if (m_rules.contains(NormalizeRule::LineOrder))
        out = sortLines(out);
    return out;
}

QString OutputNormalizer::replaceAddresses(const QString& text)
{
    static const QRegularExpression kAddress(QStringLiteral("0x[0-9a-f]+"));
    QString out = text;
    out.replace(kAddress, QStringLiteral("0x\u2026"));
    return out;
}

QString OutputNormalizer::sortSetItems(const QString& text)
{
    QString out;
    out.reserve(text.size());
    qsizetype i = 0;
    while (i < text.size()) {
        if (text[i] == QLatin1Char('{')) {
            if (std::optional<std::pair<QStringList, qsizetype>> set = setAt(text, i)) {
                sortByCodePoint(set->first);
                out += QLatin1Char('{') + set->first.join(QStringLiteral(", ")) + QLatin1Char('}');
                i = set->second;
                continue;
            }
        }
        out += text[i];
        ++i;
    }
    return out;
}

QString OutputNormalizer::sortLines(const QString& text)
{
    QStringList lines = text.split(QLatin1Char('\n'));
    const bool finalBreak = text.endsWith(QLatin1Char('\n'));
    if (finalBreak)
        lines.removeLast();
    sortByCodePoint(lines);
    return lines.join(QLatin1Char('\n')) + (finalBreak ? QStringLiteral("\n") : QString());
}

} // namespace coroscope::lessons
