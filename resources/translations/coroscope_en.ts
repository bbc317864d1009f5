<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>coroscope::GeneratorView</name>
    <message numerus="yes">
        <location filename="../../app/gui/views/GeneratorView.cpp" line="+237"/>
        <source>… %n frame(s) below</source>
        <translation>
            <numerusform>… %n frame below</numerusform>
            <numerusform>… %n frames below</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+46"/>
        <source>+%n more not shown</source>
        <translation>
            <numerusform>+%n more not shown</numerusform>
            <numerusform>+%n more not shown</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>coroscope::GreenletView</name>
    <message numerus="yes">
        <location filename="../../app/gui/views/GreenletView.cpp" line="+212"/>
        <source>%n frame(s) on its stack</source>
        <translation>
            <numerusform>%n frame on its stack</numerusform>
            <numerusform>%n frames on its stack</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+28"/>
        <source>… %n older frame(s)</source>
        <translation>
            <numerusform>… %n older frame</numerusform>
            <numerusform>… %n older frames</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>coroscope::InspectorView</name>
    <message numerus="yes">
        <location filename="../../app/gui/views/InspectorView.cpp" line="+129"/>
        <source>%n callback(s) queued</source>
        <translation>
            <numerusform>%n callback queued</numerusform>
            <numerusform>%n callbacks queued</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n pending</source>
        <translation>
            <numerusform>%n pending</numerusform>
            <numerusform>%n pending</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+27"/>
        <source>%n time(s) given the thread</source>
        <translation>
            <numerusform>%n time given the thread</numerusform>
            <numerusform>%n times given the thread</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>coroscope::LoopView</name>
    <message numerus="yes">
        <location filename="../../app/gui/views/detail/LoopSections.cpp" line="+267"/>
        <source>step %1 · %n timer(s) fired</source>
        <translation>
            <numerusform>step %1 · %n timer fired</numerusform>
            <numerusform>step %1 · %n timers fired</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+49"/>
        <source>%n ready · first in, first out</source>
        <translation>
            <numerusform>%n ready · first in, first out</numerusform>
            <numerusform>%n ready · first in, first out</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/gui/views/detail/LoopSectionsWaiting.cpp" line="+38"/>
        <location line="+141"/>
        <source>%n task(s)</source>
        <translation>
            <numerusform>%n task</numerusform>
            <numerusform>%n tasks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-1"/>
        <source>+%n more group(s)</source>
        <translation>
            <numerusform>+%n more group</numerusform>
            <numerusform>+%n more groups</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>%n lane(s)</source>
        <translation>
            <numerusform>%n lane</numerusform>
            <numerusform>%n lanes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+75"/>
        <source>%n task(s) · latest first</source>
        <translation>
            <numerusform>%n task · latest first</numerusform>
            <numerusform>%n tasks · latest first</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>coroscope::MainWindow</name>
    <message numerus="yes">
        <location filename="../../app/gui/window/MainWindowRuns.cpp" line="+95"/>
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>coroscope::WarningsBanner</name>
    <message numerus="yes">
        <location filename="../../app/gui/panes/WarningsBanner.cpp" line="+192"/>
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>coroscope::WhatIfChart</name>
    <message numerus="yes">
        <location filename="../../app/gui/whatif/WhatIfChart.cpp" line="+409"/>
        <source>%n more task(s) not shown</source>
        <translation>
            <numerusform>%n more task not shown</numerusform>
            <numerusform>%n more tasks not shown</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>coroscope::WhatIfComparison</name>
    <message numerus="yes">
        <location filename="../../app/gui/whatif/WhatIfComparison.cpp" line="+86"/>
        <source>runs %n time(s) instead of %1</source>
        <translation>
            <numerusform>runs %n time instead of %1</numerusform>
            <numerusform>runs %n times instead of %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+194"/>
        <source>%n more task(s) differ.</source>
        <translation>
            <numerusform>%n more task differs.</numerusform>
            <numerusform>%n more tasks differ.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Output: %n line(s) differ.</source>
        <translation>
            <numerusform>Output: %n line differs.</numerusform>
            <numerusform>Output: %n lines differ.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>coroscope::WhatIfThroughput</name>
    <message numerus="yes">
        <location filename="../../app/gui/whatif/WhatIfThroughput.cpp" line="+74"/>
        <source>%1 ms · %2 steps/s · %n event(s)</source>
        <translation>
            <numerusform>%1 ms · %2 steps/s · %n event</numerusform>
            <numerusform>%1 ms · %2 steps/s · %n events</numerusform>
        </translation>
    </message>
</context>
</TS>
