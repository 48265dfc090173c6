<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ContactsPage</name>
    <message>
        <source>Contact log</source>
        <translation>联系记录</translation>
    </message>
</context>
</TS>
