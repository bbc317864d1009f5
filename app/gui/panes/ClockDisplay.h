#pragma once
// ClockDisplay: the virtual clock, large and monospaced ("t = 2.000 s"), so
// a hall can read it. The digits never shift as they change.

#include "core/trace/Event.h"

#include <QWidget>

namespace coroscope {

class ClockDisplay : public QWidget {
    Q_OBJECT
public:
    explicit ClockDisplay(QWidget* parent = nullptr);

    Nanos time() const { return m_time; }
    /// How much larger than the surrounding text the digits are.
    double magnification() const { return m_magnification; }
    void setMagnification(double factor);
    /// "t = 2.000 s" for 2 s.
    static QString format(Nanos time);
    QString text() const { return format(m_time); }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override { return sizeHint(); }

public slots:
    void setTime(coroscope::Nanos time);

protected:
    void paintEvent(QPaintEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    QFont clockFont() const;

    Nanos m_time = 0;
    double m_magnification = 1.6;
};

} // namespace coroscope
