<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>PdcaPage</name>
    <message>
        <source>PDCA cycles</source>
        <translation>PDCA 循环</translation>
    </message>
</context>
</TS>
