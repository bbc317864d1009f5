#pragma once
// OutputNormalizer: the "normalize" rules of a lesson program (docs/LESSONS.md,
// "Normalized comparison"). Some programs print what CPython itself does not
// print the same way twice (object addresses, the order of a set, lines
// printed by racing threads); their expected output and our output are both
// normalized before they are compared. lessons/regen_expected.py implements
// the same rules in Python for CPython's side; the two must stay identical.

#include <QList>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>

namespace coroscope::lessons {

/// One rule; whatever order a program lists them in, they apply in this order.
enum class NormalizeRule : std::uint8_t {
    Addresses, ///< "addresses": every 0x[0-9a-f]+ becomes "0x…"
    SetOrder,  ///< "set-order": the items of a printed set of reprs "{<...>, <...>}" are sorted
    LineOrder, ///< "line-order": the lines are sorted (compared as a multiset)
};

class OutputNormalizer {
public:
    OutputNormalizer() = default;
    explicit OutputNormalizer(QList<NormalizeRule> rules);

    /// The rule a lesson.json name stands for, or nullopt for an unknown name.
    static std::optional<NormalizeRule> ruleNamed(const QString& name);
    static QString nameOf(NormalizeRule rule);
    /// Every rule name, in application order.
    static QStringList ruleNames();

    bool isEmpty() const { return m_rules.isEmpty(); }
    /// `text` with the rules applied (unchanged without rules). Idempotent.
    QString apply(const QString& text) const;

    static QString replaceAddresses(const QString& text);
    static QString sortSetItems(const QString& text);
    /// Lines sorted by code point; a final line break stays final.
    static QString sortLines(const QString& text);

private:
    QList<NormalizeRule> m_rules;
};

} // namespace coroscope::lessons
