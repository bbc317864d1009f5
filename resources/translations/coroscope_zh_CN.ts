<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>coroscope::AudienceWindow</name>
    <message>
        <location filename="../../app/gui/presenter/AudienceWindow.cpp" line="+25"/>
        <location line="+91"/>
        <source>Coroscope — audience</source>
        <translation>Coroscope — 观众窗口</translation>
    </message>
</context>
<context>
    <name>coroscope::CheckpointCard</name>
    <message>
        <location filename="../../app/gui/narration/CheckpointCard.cpp" line="+98"/>
        <source>Nothing more is printed</source>
        <translation>不再打印任何内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No task runs again</source>
        <translation>不再有任务运行</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(an empty line)</source>
        <translation>（一个空行）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>What prints next?</source>
        <translation>接下来打印什么？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Which task runs next?</source>
        <translation>接下来哪个任务运行？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What is in the ready queue?</source>
        <translation>就绪队列里有什么？</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Predict: %1</source>
        <translation>预测：%1</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Click the tasks in queue order, front first; check an empty answer if the queue is empty.</source>
        <translation>按队列顺序点击任务，队首在前；如果队列为空，请提交空答案。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your answer, front first: %1</source>
        <translation>你的答案（队首在前）：%1</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+22"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>Check</source>
        <translation>核对</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show me</source>
        <translation>告诉我</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go to the step where the answer happens</source>
        <translation>跳到答案出现的那一步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>the queue is empty</source>
        <translation>队列为空</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Right!</source>
        <translation>答对了！</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not quite.</source>
        <translation>不太对。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The answer is: %1</source>
        <translation>答案是：%1</translation>
    </message>
</context>
<context>
    <name>coroscope::ClockDisplay</name>
    <message>
        <location filename="../../app/gui/panes/ClockDisplay.cpp" line="+15"/>
        <location line="+68"/>
        <source>Virtual time: the clock of the simulated run. It moves only when the ready queue is empty or a blocking call holds the loop.</source>
        <translation>虚拟时间：模拟运行的时钟。只有当就绪队列为空，或阻塞调用占住事件循环时，它才会前进。</translation>
    </message>
    <message>
        <location line="-66"/>
        <source>Virtual clock</source>
        <translation>虚拟时钟</translation>
    </message>
</context>
<context>
    <name>coroscope::CodeEditor</name>
    <message>
        <location filename="../../app/gui/editor/CodeEditor.cpp" line="+24"/>
        <location line="+273"/>
        <source>Type Python here, or open a lesson.</source>
        <translation>在这里输入 Python 代码，或打开一节课程。</translation>
    </message>
    <message>
        <location line="-104"/>
        <source>Syntax error: %1</source>
        <translation>语法错误：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Task %1 is here</source>
        <translation>任务 %1 在这里</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Task %1 is executing this line now</source>
        <translation>任务 %1 正在执行这一行</translation>
    </message>
</context>
<context>
    <name>coroscope::ConsolePane</name>
    <message>
        <location filename="../../app/gui/panes/ConsolePane.cpp" line="+23"/>
        <location line="+117"/>
        <source>Program output appears here, coloured by the task that printed it.</source>
        <translation>程序输出显示在这里，按打印它的任务着色。</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>… %1 earlier pieces of output are not shown …</source>
        <translation>…… 之前的 %1 段输出未显示 ……</translation>
    </message>
</context>
<context>
    <name>coroscope::DocumentSession</name>
    <message>
        <location filename="../../app/gui/editor/DocumentSession.cpp" line="+68"/>
        <source>untitled.py</source>
        <translation>未命名.py</translation>
    </message>
</context>
<context>
    <name>coroscope::EmptyStatePane</name>
    <message>
        <location filename="../../app/gui/window/PaneSet.cpp" line="+25"/>
        <source>No lessons yet</source>
        <translation>还没有课程</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a Python file with File ▸ Open (Ctrl+O) to step through it.</source>
        <translation>用 文件 ▸ 打开（Ctrl+O）打开一个 Python 文件，然后单步执行。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Loop view</source>
        <translation>事件循环视图</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run a program to see its tasks here: the running slot, the ready queue and everything that waits.</source>
        <translation>运行一个程序，在这里查看它的任务：正在运行的任务、就绪队列以及所有正在等待的对象。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Greenlets</source>
        <translation>Greenlet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run a program with greenlets to see each one&apos;s own stack of frames.</source>
        <translation>运行一个使用 greenlet 的程序，查看每个 greenlet 自己的栈帧。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Generators</source>
        <translation>生成器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run a program with generators or coroutines to see them frozen at their yield or await.</source>
        <translation>运行一个使用生成器或协程的程序，查看它们在 yield 或 await 处冻结。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run a program to see one lane per task over virtual time.</source>
        <translation>运行一个程序，按虚拟时间为每个任务显示一条泳道。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Inspector</source>
        <translation>检查器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select a task to see its state, frames, locals and what it waits on.</source>
        <translation>选择一个任务，查看它的状态、栈帧、局部变量以及它在等待什么。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Narration</source>
        <translation>讲解</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step through a run to read what happens at each step and why.</source>
        <translation>单步执行，阅读每一步发生了什么以及原因。</translation>
    </message>
</context>
<context>
    <name>coroscope::GeneratorView</name>
    <message>
        <location filename="../../app/gui/views/GeneratorView.cpp" line="+40"/>
        <source>Run a program to see its generators and coroutines frozen at yield and await.</source>
        <translation>运行一个程序，查看在 yield 和 await 处冻结的生成器与协程。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Generators and coroutines</source>
        <translation>生成器与协程</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a frozen frame keeps its locals on the heap until someone resumes it</source>
        <translation>冻结的栈帧把局部变量保存在堆上，直到有人恢复它</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No generator or coroutine is alive at this step.</source>
        <translation>这一步没有存活的生成器或协程。</translation>
    </message>
    <message>
        <location line="+42"/>
        <location line="+195"/>
        <source>next() / send()</source>
        <translation>next() / send()</translation>
    </message>
    <message>
        <location line="-194"/>
        <location line="+196"/>
        <source>loop resumes</source>
        <translation>事件循环恢复</translation>
    </message>
    <message>
        <location line="-142"/>
        <source>steps each ready task with send()</source>
        <translation>用 send() 推进每个就绪任务</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>running · line %1</source>
        <translation>运行中 · 第 %1 行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>created, not started</source>
        <translation>已创建，未启动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ready · frozen at line %1</source>
        <translation>就绪 · 冻结在第 %1 行</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>frozen at %1 · line %2 · on %3</source>
        <translation>冻结在 %1 · 第 %2 行 · 等待 %3</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>frozen at %1 · line %2</source>
        <translation>冻结在 %1 · 第 %2 行</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>%1()  line %2</source>
        <translation>%1()  第 %2 行</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>no locals yet</source>
        <translation>还没有局部变量</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>… %n frame(s) below</source>
        <translation>
            <numerusform>…… 下面还有 %n 个栈帧</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+46"/>
        <source>+%n more not shown</source>
        <translation>
            <numerusform>另有 %n 个未显示</numerusform>
        </translation>
    </message>
    <message>
        <location line="+19"/>
        <source>resumes each frozen task when what it awaits is done</source>
        <translation>当冻结任务等待的对象完成时恢复它</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>yield from</source>
        <translation>yield from</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>resumes</source>
        <translation>恢复</translation>
    </message>
</context>
<context>
    <name>coroscope::GreenletView</name>
    <message>
        <location filename="../../app/gui/views/GreenletView.cpp" line="+48"/>
        <source>Run a program to see its greenlets: one column per greenlet, each with its own stack.</source>
        <translation>运行一个程序，查看它的 greenlet：每个 greenlet 一列，各自拥有自己的栈。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Greenlets</source>
        <translation>Greenlet</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>each greenlet owns a machine stack; switch() jumps from one stack to another</source>
        <translation>每个 greenlet 拥有一个机器栈；switch() 从一个栈跳到另一个栈</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No greenlets in this run yet.</source>
        <translation>这次运行还没有 greenlet。</translation>
    </message>
    <message>
        <location line="+89"/>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>suspended at line %1</source>
        <translation>挂起在第 %1 行</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>suspended</source>
        <translation>已挂起</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not started</source>
        <translation>未启动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>waiting on %1</source>
        <translation>等待 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>dead · %1</source>
        <translation>已结束 · %1</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>dead: its stack is gone</source>
        <translation>已结束：它的栈已释放</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n frame(s) on its stack</source>
        <translation>
            <numerusform>栈上有 %n 个栈帧</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>stack released</source>
        <translation>栈已释放</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>empty stack</source>
        <translation>空栈</translation>
    </message>
    <message numerus="yes">
        <location line="+18"/>
        <source>… %n older frame(s)</source>
        <translation>
            <numerusform>…… 还有 %n 个更早的栈帧</numerusform>
        </translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1()  line %2</source>
        <translation>%1()  第 %2 行</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>no locals yet</source>
        <translation>还没有局部变量</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>+%1 more</source>
        <translation>另有 %1 个</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>parent</source>
        <translation>父级</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>switch()</source>
        <translation>switch()</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>returned to parent</source>
        <translation>返回父级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>throw()</source>
        <translation>throw()</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>start</source>
        <translation>启动</translation>
    </message>
</context>
<context>
    <name>coroscope::InspectorView</name>
    <message>
        <location filename="../../app/gui/views/InspectorView.cpp" line="+53"/>
        <source>Click a task in any view to inspect its state, frames, locals and timings.</source>
        <translation>在任意视图中点击一个任务，检查它的状态、栈帧、局部变量和耗时。</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>#%1 · %2</source>
        <translation>#%1 · %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the scheduler itself</source>
        <translation>调度器本身</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Showing the running task; click a task to pin it.</source>
        <translation>正在显示运行中的任务；点击一个任务可将其固定。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Clock</source>
        <translation>时钟</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+44"/>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message numerus="yes">
        <location line="-44"/>
        <source>%n callback(s) queued</source>
        <translation>
            <numerusform>%n 个回调在排队</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n pending</source>
        <translation>
            <numerusform>%n 个待触发</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, next at %1</source>
        <translation>，下一个在 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Timers</source>
        <translation>定时器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Timers fired</source>
        <translation>已触发的定时器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Idle</source>
        <translation>空闲</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+44"/>
        <source>Blocked</source>
        <translation>阻塞</translation>
    </message>
    <message>
        <location line="-42"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 since %2 (event %3)</source>
        <translation>%1，自 %2 起（事件 %3）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Waits on</source>
        <translation>等待</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Queue</source>
        <translation>队列</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 of %2 in the ready queue</source>
        <translation>就绪队列中第 %1 个，共 %2 个</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Parent</source>
        <translation>父级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Created</source>
        <translation>创建</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>at %1</source>
        <translation>于 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Switches</source>
        <translation>切换次数</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n time(s) given the thread</source>
        <translation>
            <numerusform>获得线程 %n 次</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>suspended frame: %1</source>
        <translation>暂停的帧：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>machine stack in use: %1, plus %2 of interpreter frames</source>
        <translation>占用的机器栈：%1，另有 %2 的解释器帧</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>machine stack in use: %1</source>
        <translation>占用的机器栈：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Suspended</source>
        <translation>已挂起</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Lane clock</source>
        <translation>泳道时钟</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Awaited by</source>
        <translation>被谁等待</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Exception</source>
        <translation>异常</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Traceback</source>
        <translation>回溯</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Frames, top first</source>
        <translation>栈帧（栈顶在前）</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%1()  line %2</source>
        <translation>%1()  第 %2 行</translation>
    </message>
</context>
<context>
    <name>coroscope::LessonsPane</name>
    <message>
        <location filename="../../app/gui/lessons/LessonsPane.cpp" line="+124"/>
        <source>Not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visited: play every program to the end to complete it</source>
        <translation>已访问：把每个程序都播放到结尾即可完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location line="+149"/>
        <source>%1  %2</source>
        <translation>%1  %2</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>No lessons found.</source>
        <translation>没有找到课程。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pick a lesson to open it.</source>
        <translation>选择一节课程以打开它。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Checkpoints: %1 of %2 answered right (%3 answered)</source>
        <translation>检查点：%2 个中答对 %1 个（已回答 %3 个）</translation>
    </message>
</context>
<context>
    <name>coroscope::LoopView</name>
    <message>
        <location filename="../../app/gui/views/detail/LoopSections.cpp" line="+100"/>
        <source>callback</source>
        <translation>回调</translation>
    </message>
    <message>
        <location line="+94"/>
        <source>timer #%1 (fired)</source>
        <translation>定时器 #%1（已触发）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>timer #%1 · due now</source>
        <translation>定时器 #%1 · 现在到期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>timer #%1 · at %2 · in %3</source>
        <translation>定时器 #%1 · 于 %2 · 还剩 %3</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>I/O → %1</source>
        <translation>I/O → %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> · resolved</source>
        <translation> · 已完成</translation>
    </message>
    <message>
        <location line="+0"/>
        <source> · pending</source>
        <translation> · 未完成</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>the run has ended</source>
        <translation>运行已结束</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>takes the next callback from the front of the ready queue</source>
        <translation>从就绪队列队首取出下一个回调</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>nothing is ready: sleeps until the next timer at %1</source>
        <translation>没有就绪的任务：休眠到下一个定时器 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>nothing is ready and no timer is pending</source>
        <translation>没有就绪的任务，也没有待触发的定时器</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../app/gui/views/detail/LoopSectionsWaiting.cpp" line="+247"/>
        <source>idle</source>
        <translation>空闲</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>line %1 in %2()</source>
        <translation>%2() 的第 %1 行</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>line %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>just started</source>
        <translation>刚刚启动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>resumed by the loop</source>
        <translation>被事件循环恢复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>switched to</source>
        <translation>切换到</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an exception was thrown in</source>
        <translation>异常被抛入</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>t = %1</source>
        <translation>t = %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Event loop</source>
        <translation>事件循环</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>step %1 · %n timer(s) fired</source>
        <translation>
            <numerusform>第 %1 步 · 触发了 %n 个定时器</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The thread</source>
        <translation>线程</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>one task runs at a time</source>
        <translation>同一时刻只有一个任务运行</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>running: %1</source>
        <translation>运行中：%1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>the event loop runs</source>
        <translation>事件循环在运行</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Ready queue</source>
        <translation>就绪队列</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n ready · first in, first out</source>
        <translation>
            <numerusform>%n 个就绪 · 先进先出</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>next ▸</source>
        <translation>下一个 ▸</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>empty: nothing is ready to run</source>
        <translation>空：没有可运行的任务</translation>
    </message>
    <message>
        <location line="+19"/>
        <location filename="../../app/gui/views/detail/LoopSectionsWaiting.cpp" line="-82"/>
        <location line="+36"/>
        <source>+%1 more</source>
        <translation>另有 %1 个</translation>
    </message>
    <message>
        <location filename="../../app/gui/views/detail/LoopSectionsWaiting.cpp" line="-163"/>
        <source>Waiting</source>
        <translation>等待中</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <location line="+141"/>
        <source>%n task(s)</source>
        <translation>
            <numerusform>%n 个任务</numerusform>
        </translation>
    </message>
    <message>
        <location line="-126"/>
        <source>suspended</source>
        <translation>已挂起</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not started (never scheduled)</source>
        <translation>未启动（从未被调度）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>nothing is waiting</source>
        <translation>没有等待中的任务</translation>
    </message>
    <message>
        <location line="+109"/>
        <source>a callback of %1</source>
        <translation>%1 的回调</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>+%n more group(s)</source>
        <translation>
            <numerusform>另有 %n 组</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>%n lane(s)</source>
        <translation>
            <numerusform>%n 条泳道</numerusform>
        </translation>
    </message>
    <message>
        <location line="+44"/>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>running %1() · line %2</source>
        <translation>正在运行 %1() · 第 %2 行</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>waiting on %1</source>
        <translation>等待 %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>lane clock %1</source>
        <translation>泳道时钟 %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Finished</source>
        <translation>已完成</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n task(s) · latest first</source>
        <translation>
            <numerusform>%n 个任务 · 最新的在前</numerusform>
        </translation>
    </message>
    <message>
        <location line="+26"/>
        <source>+%1 earlier</source>
        <translation>另有 %1 个更早的</translation>
    </message>
    <message>
        <location line="+37"/>
        <location line="+12"/>
        <source>Executor threads</source>
        <translation>执行器线程</translation>
    </message>
    <message>
        <location line="-10"/>
        <location line="+12"/>
        <source>Servers</source>
        <translation>服务器</translation>
    </message>
    <message>
        <location filename="../../app/gui/views/LoopView.cpp" line="+140"/>
        <source>Run a program to see its event loop: the running task, the ready queue and what every task waits on.</source>
        <translation>运行一个程序，查看它的事件循环：正在运行的任务、就绪队列以及每个任务在等待什么。</translation>
    </message>
</context>
<context>
    <name>coroscope::MainWindow</name>
    <message>
        <location filename="../../app/gui/window/MainWindow.cpp" line="+252"/>
        <source>About Coroscope</source>
        <translation>关于 Coroscope</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;Coroscope&lt;/h3&gt;&lt;p&gt;Watch coroutines run: step through greenlets, generators and asyncio tasks on a real runtime, forwards and backwards.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Coroscope&lt;/h3&gt;&lt;p&gt;观察协程如何运行：在真实的运行时上单步执行 greenlet、生成器和 asyncio 任务，既能前进也能回退。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Open Python File</source>
        <translation>打开 Python 文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Python files (*.py);;All files (*)</source>
        <translation>Python 文件 (*.py);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot Open File</source>
        <translation>无法打开文件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 cannot be opened: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>%1[*] — Coroscope</source>
        <translation>%1[*] — Coroscope</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Playback</source>
        <translation>播放</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open Python File…</source>
        <translation>打开 Python 文件(&amp;O)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a Python file (%1)</source>
        <translation>打开一个 Python 文件（%1）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open &amp;Lesson…</source>
        <translation>打开课程(&amp;L)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a lesson folder from disk (%1)</source>
        <translation>从磁盘打开一个课程文件夹（%1）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Revert to Original</source>
        <translation>恢复原始代码(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Throw away your edits and show the original code</source>
        <translation>丢弃你的修改，显示原始代码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Playback</source>
        <translation>播放(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Panes</source>
        <translation>窗格(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reset Layout</source>
        <translation>重置布局(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put every pane back where it starts</source>
        <translation>把所有窗格放回初始位置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;High Contrast</source>
        <translation>高对比度(&amp;H)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language of the interface: English or Chinese</source>
        <translation>界面语言：英文或中文</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P&amp;resenter</source>
        <translation>演示(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Coroscope</source>
        <translation>关于 Coroscope(&amp;A)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/gui/window/MainWindowRuns.cpp" line="+95"/>
        <source>… and %n more</source>
        <translation>
            <numerusform>…… 另有 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is not a lesson</source>
        <translation>%1 不是课程</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A lesson with the id &quot;%1&quot; is already open (%2).</source>
        <translation>ID 为“%1”的课程已经打开（%2）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The lesson &quot;%1&quot; cannot be added.</source>
        <translation>无法添加课程“%1”。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Open Lesson Folder</source>
        <translation>打开课程文件夹</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot Open Lesson</source>
        <translation>无法打开课程</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>No run yet</source>
        <translation>尚未运行</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Event %1 / %2</source>
        <translation>事件 %1 / %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Line step %1 / %2 · event %3 / %4</source>
        <translation>行步 %1 / %2 · 事件 %3 / %4</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Switch %1 / %2 · event %3 / %4</source>
        <translation>切换 %1 / %2 · 事件 %3 / %4</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>recording…</source>
        <translation>录制中…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>finished: exit %1</source>
        <translation>已结束：退出码 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>uncaught exception: exit %1</source>
        <translation>未捕获的异常：退出码 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>syntax error: nothing ran</source>
        <translation>语法错误：什么都没有运行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stopped by the step limit: exit %1</source>
        <translation>达到步数上限而停止：退出码 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Coroscope failed to run it</source>
        <translation>Coroscope 运行它时出错</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location filename="../../app/gui/window/MainWindowExport.cpp" line="+60"/>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Current Frame as &amp;PNG…</source>
        <translation>当前画面导出为 PNG(&amp;P)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Current Frame as &amp;SVG…</source>
        <translation>当前画面导出为 SVG(&amp;S)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the picture of the view that has the keyboard focus (the loop view if none has it) at its size on screen</source>
        <translation>按屏幕上的尺寸保存拥有键盘焦点的视图的画面（若没有视图拥有焦点，则保存事件循环视图）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Trace as &amp;Chrome/Perfetto JSON…</source>
        <translation>跟踪导出为 Chrome/Perfetto JSON(&amp;C)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the whole recording for chrome://tracing or ui.perfetto.dev</source>
        <translation>保存完整的录制，供 chrome://tracing 或 ui.perfetto.dev 查看</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trace as JSON &amp;Lines…</source>
        <translation>跟踪导出为 JSON Lines(&amp;L)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the whole recording as one JSON event per line</source>
        <translation>保存完整的录制，每行一个 JSON 事件</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>There is no view to export</source>
        <translation>没有可导出的视图</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Export Frame as SVG</source>
        <translation>将画面导出为 SVG</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SVG images (*.svg)</source>
        <translation>SVG 图像 (*.svg)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export Frame as PNG</source>
        <translation>将画面导出为 PNG</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+20"/>
        <source>Exported %1</source>
        <translation>已导出 %1</translation>
    </message>
    <message>
        <location line="-19"/>
        <location line="+20"/>
        <source>Could not write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>There is no recording to export yet</source>
        <translation>还没有可导出的录制</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export Trace as Chrome/Perfetto JSON</source>
        <translation>将跟踪导出为 Chrome/Perfetto JSON</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON files (*.json)</source>
        <translation>JSON 文件 (*.json)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export Trace as JSON Lines</source>
        <translation>将跟踪导出为 JSON Lines</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON Lines files (*.jsonl)</source>
        <translation>JSON Lines 文件 (*.jsonl)</translation>
    </message>
</context>
<context>
    <name>coroscope::NarrationPane</name>
    <message>
        <location filename="../../app/gui/narration/NarrationPane.cpp" line="+236"/>
        <source>This program is not part of a lesson, so there is no lesson text. The explanation below follows every step of the run.</source>
        <translation>这个程序不属于任何课程，所以没有课程文字。下面的讲解会跟随运行的每一步。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Press Step (→) or Play (Space) to start the run.</source>
        <translation>按“单步”（→）或“播放”（空格）开始运行。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Step %1 of %2</source>
        <translation>第 %1 步，共 %2 步</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1 %2 — %3</source>
        <translation>%1 %2 — %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your own program</source>
        <translation>你自己的程序</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Nothing has run yet.</source>
        <translation>还没有运行任何内容。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Go to the previous narration step</source>
        <translation>转到上一段讲解</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go to the next narration step</source>
        <translation>转到下一段讲解</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why does this task run next?</source>
        <translation>为什么接下来运行这个任务？</translation>
    </message>
</context>
<context>
    <name>coroscope::PaneSet</name>
    <message>
        <location filename="../../app/gui/window/PaneSet.cpp" line="+177"/>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lessons</source>
        <translation>课程</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loop view</source>
        <translation>事件循环</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Greenlets</source>
        <translation>Greenlet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Generators</source>
        <translation>生成器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Console</source>
        <translation>控制台</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inspector</source>
        <translation>检查器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Narration</source>
        <translation>讲解</translation>
    </message>
    <message>
        <location line="+27"/>
        <location line="+3"/>
        <source>Show or hide the %1 pane</source>
        <translation>显示或隐藏“%1”窗格</translation>
    </message>
</context>
<context>
    <name>coroscope::PlaybackActions</name>
    <message>
        <location filename="../../app/gui/window/PlaybackActions.cpp" line="+176"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Reset</source>
        <translation>重置(&amp;R)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Back to the start of the run</source>
        <translation>回到运行的开头</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step &amp;Back</source>
        <translation>回退(&amp;B)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Go back one step</source>
        <translation>回退一步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Step</source>
        <translation>单步(&amp;S)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Go forward one step</source>
        <translation>前进一步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run to &amp;End</source>
        <translation>运行到结尾(&amp;E)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Jump to the end of the run</source>
        <translation>跳到运行的结尾</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Faster</source>
        <translation>加快(&amp;F)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Play faster</source>
        <translation>加快播放</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;lower</source>
        <translation>减慢(&amp;L)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Play slower</source>
        <translation>减慢播放</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step by &amp;Event</source>
        <translation>按事件单步(&amp;E)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Each step shows one event of the runtime</source>
        <translation>每一步显示运行时的一个事件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step by &amp;Line</source>
        <translation>按行单步(&amp;L)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Each step runs to the next source line of any task</source>
        <translation>每一步运行到任意任务的下一行源代码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step by S&amp;witch</source>
        <translation>按切换单步(&amp;W)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Each step runs until control moves to another task</source>
        <translation>每一步运行到控制权转移给另一个任务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Playback speed</source>
        <translation>播放速度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What one step is: an event, a source line, or a task switch</source>
        <translation>一步是什么：一个事件、一行源代码，或一次任务切换</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>by event</source>
        <translation>按事件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>by line</source>
        <translation>按行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>by switch</source>
        <translation>按切换</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Play</source>
        <translation>播放(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pause playback</source>
        <translation>暂停播放</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Play the run step by step</source>
        <translation>逐步播放这次运行</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>no run</source>
        <translation>未运行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing has run yet</source>
        <translation>还没有运行任何内容</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>event %1 / %2</source>
        <translation>事件 %1 / %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Events played so far, out of the events recorded</source>
        <translation>已播放的事件数 / 已记录的事件总数</translation>
    </message>
</context>
<context>
    <name>coroscope::PresenterMode</name>
    <message>
        <location filename="../../app/gui/presenter/PresenterMode.cpp" line="+417"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Presenter Mode</source>
        <translation>演示模式(&amp;P)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Full screen, large type and high contrast for a projector</source>
        <translation>全屏、大字号、高对比度，适合投影仪</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leave Presenter Mode</source>
        <translation>退出演示模式</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Back to the normal window</source>
        <translation>回到普通窗口</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Blank Screen</source>
        <translation>黑屏(&amp;B)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Black out the screen; press again to show it</source>
        <translation>让屏幕变黑；再按一次恢复显示</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P&amp;en</source>
        <translation>画笔(&amp;E)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Draw over the view with the mouse</source>
        <translation>用鼠标在视图上绘制</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Spotlight</source>
        <translation>聚光灯(&amp;S)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Darken everything except around the pointer</source>
        <translation>除指针周围外，其余区域都变暗</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Clear Drawings</source>
        <translation>清除绘制(&amp;C)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Remove everything drawn with the pen</source>
        <translation>清除画笔绘制的所有内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Audience Window</source>
        <translation>观众窗口(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mirror the visualisation on a second screen; this screen keeps the controls and notes</source>
        <translation>在第二块屏幕上镜像显示可视化内容；本屏幕保留控制按钮和讲稿</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Panes on Screen</source>
        <translation>屏幕上的窗格</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type Size</source>
        <translation>字号</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Presenter</source>
        <translation>演示</translation>
    </message>
</context>
<context>
    <name>coroscope::TimelineView</name>
    <message>
        <location filename="../../app/gui/views/TimelineView.cpp" line="+37"/>
        <source>Click or drag to seek · wheel or +/- to zoom · Shift+wheel to scroll lanes · 0 to fit</source>
        <translation>点击或拖动以定位 · 滚轮或 +/- 缩放 · Shift+滚轮滚动泳道 · 0 适应窗口</translation>
    </message>
    <message>
        <location line="+192"/>
        <source>Run a program to see each task&apos;s life over time.</source>
        <translation>运行一个程序，查看每个任务随时间的生命周期。</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>No task has run yet.</source>
        <translation>还没有任务运行过。</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>over virtual time</source>
        <translation>按虚拟时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>over event index</source>
        <translation>按事件序号</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>lanes %1–%2 of %3</source>
        <translation>泳道 %1–%2，共 %3 条</translation>
    </message>
</context>
<context>
    <name>coroscope::ViewText</name>
    <message>
        <location filename="../../app/gui/views/ViewText.cpp" line="+18"/>
        <location filename="../../app/gui/whatif/WhatIfChart.cpp" line="+30"/>
        <location filename="../../app/gui/whatif/WhatIfComparison.cpp" line="+43"/>
        <source>event loop</source>
        <translation>事件循环</translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../app/gui/whatif/WhatIfChart.cpp" line="+3"/>
        <location filename="../../app/gui/whatif/WhatIfComparison.cpp" line="+3"/>
        <source>task %1</source>
        <translation>任务 %1</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>not started</source>
        <translation>未启动</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+15"/>
        <source>ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location line="-14"/>
        <location line="+13"/>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location line="-12"/>
        <location line="+15"/>
        <source>suspended</source>
        <translation>已挂起</translation>
    </message>
    <message>
        <location line="-14"/>
        <location line="+13"/>
        <source>waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+101"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location line="-100"/>
        <source>failed</source>
        <translation>已失败</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>blocked</source>
        <translation>阻塞</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>idle</source>
        <translation>空闲</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>main</source>
        <translation>主流程</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+22"/>
        <source>greenlet</source>
        <translation>greenlet</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>generator</source>
        <translation>生成器</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+14"/>
        <source>task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>executor thread</source>
        <translation>执行器线程</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>callback</source>
        <translation>回调</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>something</source>
        <translation>某个对象</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>timer</source>
        <translation>定时器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>future</source>
        <translation>未来对象</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+29"/>
        <source>I/O</source>
        <translation>I/O</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>lock</source>
        <translation>锁</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>queue</source>
        <translation>队列</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>event</source>
        <translation>事件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>executor</source>
        <translation>执行器</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>semaphore</source>
        <translation>信号量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>condition</source>
        <translation>条件变量</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>future #%1 of %2</source>
        <translation>%2 的未来对象 #%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>future #%1 (%2)</source>
        <translation>未来对象 #%1（%2）</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+6"/>
        <source>%1 #%2</source>
        <translation>%1 #%2</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>I/O #%1</source>
        <translation>I/O #%1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>, fires at %1 (in %2)</source>
        <translation>，于 %1 触发（还剩 %2）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> (%1)</source>
        <translation>（%1）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> (resolved)</source>
        <translation>（已完成）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source> (pending)</source>
        <translation>（未完成）</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>raised</source>
        <translation>抛出了异常</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+4"/>
        <source>raised %1</source>
        <translation>抛出了 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>returned</source>
        <translation>已返回</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>= %1</source>
        <translation>= %1</translation>
    </message>
</context>
<context>
    <name>coroscope::WarningsBanner</name>
    <message>
        <location filename="../../app/gui/panes/WarningsBanner.cpp" line="+32"/>
        <source>Never awaited</source>
        <translation>从未被 await</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exception never retrieved</source>
        <translation>异常从未被获取</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blocking call in a coroutine</source>
        <translation>协程中的阻塞调用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deadlock</source>
        <translation>死锁</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Limit reached</source>
        <translation>达到上限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deprecated</source>
        <translation>已弃用</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Limit reached: the run was stopped after %1 steps, so it may never end. Its first %2 events are recorded.</source>
        <translation>达到上限：运行在 %1 步后被停止，它可能永远不会结束。已记录它的前 %2 个事件。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The program ended with exit status %1</source>
        <translation>程序结束，退出状态为 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Uncaught exception: %1</source>
        <translation>未捕获的异常：%1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 (line %2)</source>
        <translation>%1（第 %2 行）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Coroscope failed while running this program: %1</source>
        <translation>Coroscope 运行这个程序时出错：%1</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>show me</source>
        <translation>定位</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>show the line</source>
        <translation>显示那一行</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>… and %n more</source>
        <translation>
            <numerusform>…… 另有 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Hide these warnings until the next run</source>
        <translation>隐藏这些警告，直到下次运行</translation>
    </message>
</context>
<context>
    <name>coroscope::WhatIfChart</name>
    <message>
        <location filename="../../app/gui/whatif/WhatIfChart.cpp" line="+155"/>
        <source>ends at %1</source>
        <translation>结束于 %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 later</source>
        <translation>晚了 %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 earlier</source>
        <translation>早了 %1</translation>
    </message>
    <message>
        <location line="+212"/>
        <source>differs from the other run</source>
        <translation>与另一次运行不同</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n more task(s) not shown</source>
        <translation>
            <numerusform>另有 %n 个任务未显示</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>coroscope::WhatIfComparison</name>
    <message>
        <location filename="../../app/gui/whatif/WhatIfComparison.cpp" line="-18"/>
        <source>not in this run</source>
        <translation>这次运行中没有</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not started</source>
        <translation>尚未开始</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>busy</source>
        <translation>忙碌</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>inactive</source>
        <translation>不活动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>finished</source>
        <translation>已结束</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 on %2</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>exit %1</source>
        <translation>退出码 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>uncaught exception, exit %1</source>
        <translation>未捕获的异常，退出码 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>syntax error</source>
        <translation>语法错误</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stopped by a limit, exit %1</source>
        <translation>超出限制而停止，退出码 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Coroscope failed to run it</source>
        <translation>Coroscope 无法运行它</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1: only in the original run</source>
        <translation>%1：只在原程序的运行里出现</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: only in the what-if&apos;s run</source>
        <translation>%1：只在假设情形的运行里出现</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 → %2 for %3</source>
        <translation>%1 → %2，共 %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ends %1 instead of %2</source>
        <translation>最终%1，而不是%2</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>runs %n time(s) instead of %1</source>
        <translation>
            <numerusform>运行了 %n 次,而不是 %1 次</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+114"/>
        <source>original</source>
        <translation>原程序</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>No difference: the same timeline and the same output.</source>
        <translation>没有差别：时间线和输出完全一样。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The run ends at %1 instead of %2 (%3 later).</source>
        <translation>运行在 %1 结束，而不是 %2（晚了 %3）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The run ends at %1 instead of %2 (%3 earlier).</source>
        <translation>运行在 %1 结束，而不是 %2（早了 %3）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The run still ends at %1.</source>
        <translation>运行仍然在 %1 结束。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>It ends with %1 instead of %2.</source>
        <translation>结束方式是%1，而不是%2。</translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>%n more task(s) differ.</source>
        <translation>
            <numerusform>还有 %n 个任务不同。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Output: %n line(s) differ.</source>
        <translation>
            <numerusform>输出:%n 行不同。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The output is the same.</source>
        <translation>输出相同。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recorded in %1 ms (%2 steps) and %3 ms (%4 steps).</source>
        <translation>录制分别用了 %1 毫秒（%2 步）和 %3 毫秒（%4 步）。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No what-if is on: turn one on in the lesson pane.</source>
        <translation>没有打开任何假设情形：请在课程面板里打开一个。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What if: %1</source>
        <translation>假如：%1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Recording the original and the what-if…</source>
        <translation>正在录制原程序和假设情形……</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Click the chart or use ← → to step from change to change.</source>
        <translation>点击图表，或用 ← → 在一处处差异之间跳转。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 · %2 · ends at %3</source>
        <translation>%1 · %2 · 结束于 %3</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>%1 %2 → %3</source>
        <translation>%1 %2 → %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>At %1 both runs do the same.</source>
        <translation>在 %1 时，两次运行完全一样。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At %1: %2</source>
        <translation>在 %1 时：%2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Turn off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Turn this what-if off and close the comparison</source>
        <translation>关闭这个假设情形，并关闭对比</translation>
    </message>
</context>
<context>
    <name>coroscope::WhatIfController</name>
    <message>
        <location filename="../../app/gui/whatif/WhatIfController.cpp" line="+154"/>
        <source>This what-if cannot be made: %1</source>
        <translation>无法生成这个假设情形：%1</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>What-if comparison</source>
        <translation>假设情形对比</translation>
    </message>
</context>
<context>
    <name>coroscope::WhatIfThroughput</name>
    <message>
        <location filename="../../app/gui/whatif/WhatIfThroughput.cpp" line="+35"/>
        <source>Measured while recording: wall-clock time, steps executed per second and events recorded</source>
        <translation>录制时实测：实际耗时、每秒执行的步数和记录的事件数</translation>
    </message>
    <message numerus="yes">
        <location line="+39"/>
        <source>%1 ms · %2 steps/s · %n event(s)</source>
        <translation>
            <numerusform>%1 毫秒 · 每秒 %2 步 · %n 个事件</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>coroscope::WhatIfToggles</name>
    <message>
        <location filename="../../app/gui/whatif/WhatIfToggles.cpp" line="+139"/>
        <source>What if…</source>
        <translation>假如……</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Turn one on to run a changed version of this program next to the original and compare both timelines</source>
        <translation>打开其中一项，就会把改过的程序和原程序一起运行，并对比两条时间线</translation>
    </message>
</context>
<context>
    <name>coroscope::WhyNext</name>
    <message>
        <location filename="../../app/gui/narration/WhyNext.cpp" line="+54"/>
        <source>the event loop</source>
        <translation>事件循环</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>task %1</source>
        <translation>任务 %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>its timer fired at t=%1 s</source>
        <translation>它的定时器在 t=%1 秒时触发</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the task it awaited, %1, finished</source>
        <translation>它等待的任务 %1 已完成</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the future it awaited got its result</source>
        <translation>它等待的未来对象得到了结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the future it awaited got an exception</source>
        <translation>它等待的未来对象得到了一个异常</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the future it awaited was cancelled</source>
        <translation>它等待的未来对象被取消了</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>it was just created (asyncio.create_task) and waits for its first step</source>
        <translation>它刚刚被创建（asyncio.create_task），正在等待执行第一步</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>the event loop scheduled it (call_soon)</source>
        <translation>事件循环调度了它（call_soon）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it gave the thread back and asked to run again (call_soon)</source>
        <translation>它交还了线程，并请求再次运行（call_soon）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 scheduled it with call_soon</source>
        <translation>%1 用 call_soon 调度了它</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Nothing has run yet. Press Step to watch the first event.</source>
        <translation>还没有运行任何内容。按“单步”观察第一个事件。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The run is over: no task will run again.</source>
        <translation>运行已结束：不会再有任务运行。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>a callback</source>
        <translation>一个回调</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is first in the ready queue.</source>
        <translation>%1 位于就绪队列队首。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is first in the ready queue because %2.</source>
        <translation>%1 位于就绪队列队首，因为%2。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 holds the thread now; it runs until its next await. Then: %2</source>
        <translation>%1 现在占有线程，它会一直运行到下一个 await。然后：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The loop runs the ready queue in order. %1</source>
        <translation>事件循环按顺序运行就绪队列。%1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 runs: it is the program&apos;s main flow, where every run starts.</source>
        <translation>%1 运行：它是程序的主流程，每次运行都从这里开始。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 runs: it has just started.</source>
        <translation>%1 运行：它刚刚启动。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 runs because the event loop took its step from the ready queue.</source>
        <translation>%1 运行，因为事件循环从就绪队列中取出了它的下一步。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 runs because %2 resumed it (next(), send() or a for loop).</source>
        <translation>%1 运行，因为 %2 恢复了它（next()、send() 或 for 循环）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 runs again because %2 yielded a value back to it.</source>
        <translation>%1 再次运行，因为 %2 向它 yield 回了一个值。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 runs again because %2 returned.</source>
        <translation>%1 再次运行，因为 %2 返回了。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 runs because %2 switched to it.</source>
        <translation>%1 运行，因为 %2 切换到了它。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 runs again because %2 raised an exception.</source>
        <translation>%1 再次运行，因为 %2 抛出了异常。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 runs: %2 suspended at an await and handed the thread over.</source>
        <translation>%1 运行：%2 在 await 处挂起并交出了线程。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 holds the thread in a blocking call: nothing else can run until it returns.</source>
        <translation>%1 在阻塞调用中占着线程：在它返回之前，其他任务都无法运行。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 holds the thread.</source>
        <translation>%1 占有线程。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nothing is ready, so the loop sleeps until the next timer: %1&apos;s, at t=%2 s.</source>
        <translation>没有就绪的任务，所以事件循环休眠到下一个定时器：%1 的定时器，在 t=%2 秒。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Nothing is ready and no timer is pending, yet %1 still waits: nothing can wake it (a deadlock).</source>
        <translation>没有就绪的任务，也没有待触发的定时器，但 %1 仍在等待：没有什么能唤醒它（死锁）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The event loop holds the thread; nothing is ready to run.</source>
        <translation>事件循环占有线程；没有可运行的任务。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No task runs: the program is between steps.</source>
        <translation>没有任务在运行：程序处于两步之间。</translation>
    </message>
</context>
</TS>
