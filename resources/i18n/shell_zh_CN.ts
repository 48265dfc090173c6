<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>App</name>
    <message>
        <source>Ops Workbench</source>
        <translation>运营工作台</translation>
    </message>
    <message>
        <source>Backed up today</source>
        <translation>今天已备份</translation>
    </message>
    <message>
        <source>This database is already open in another Ops Workbench window.</source>
        <translation>这个数据库已在另一个运营工作台窗口中打开。</translation>
    </message>
    <message>
        <source>Show that window</source>
        <translation>切换到那个窗口</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>欢迎</translation>
    </message>
    <message>
        <source>The workbench is empty. Load demo data to look around? You can start a fresh database later.</source>
        <translation>工作台还是空的。要载入演示数据先看看吗？之后可以随时新建一个空数据库。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Ops Workbench</source>
        <translation>运营工作台</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open database…</source>
        <translation>打开数据库(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Import report…</source>
        <translation>导入报表(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Export weekly review…</source>
        <translation>导出周报(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Capture</source>
        <translation>记一笔(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Ops Workbench</source>
        <translation>关于运营工作台(&amp;A)</translation>
    </message>
    <message>
        <source>Database %1</source>
        <translation>数据库 %1</translation>
    </message>
    <message>
        <source>Back up</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Backed up %1</source>
        <translation>已备份 %1</translation>
    </message>
    <message>
        <source>Backup written to %1</source>
        <translation>备份已写入 %1</translation>
    </message>
    <message>
        <source>Open database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <source>Workbench database (*.db *.sqlite);;All files (*)</source>
        <translation>工作台数据库 (*.db *.sqlite);;所有文件 (*)</translation>
    </message>
    <message>
        <source>The workbench will reopen with %1.</source>
        <translation>工作台将用 %1 重新打开。</translation>
    </message>
    <message>
        <source>About Ops Workbench</source>
        <translation>关于运营工作台</translation>
    </message>
    <message>
        <source>Ops Workbench %1

A workbench for user operations: capture and triage, contact log, PDCA cycles, report charts and the weekly review — in one SQLite file.

Database: %2</source>
        <translation>运营工作台 %1

用户运营的工作台：随手记与四象限分拣、联系记录、PDCA 循环、报表图表和周复盘——都在一个 SQLite 文件里。

数据库：%2</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <source>Inbox</source>
        <translation>收件箱</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系记录</translation>
    </message>
    <message>
        <source>PDCA</source>
        <translation>PDCA</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>数据看板</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>周复盘</translation>
    </message>
</context>
</TS>
