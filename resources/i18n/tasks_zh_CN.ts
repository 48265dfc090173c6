<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>CaptureBar</name>
    <message>
        <source>+ Capture… (Ctrl+N)</source>
        <translation>＋ 记一笔…（Ctrl+N）</translation>
    </message>
</context>
<context>
    <name>MatrixPage</name>
    <message>
        <source>Inbox and four quadrants</source>
        <translation>收件箱与四象限</translation>
    </message>
</context>
</TS>
