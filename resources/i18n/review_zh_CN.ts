<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ReviewPage</name>
    <message>
        <source>Weekly review</source>
        <translation>周复盘</translation>
    </message>
</context>
</TS>
