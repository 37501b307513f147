<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en_US">
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>Delete %n selected item(s)? Folders are deleted with every session in them.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n item(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n session(s) from %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n session(s) to %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PkiConfigurationDialog</name>
    <message numerus="yes">
        <source>%n certificate(s) imported into Tsunagi&apos;s trust store.</source>
        <translation>
            <numerusform>%n certificate imported into Tsunagi&apos;s trust store.</numerusform>
            <numerusform>%n certificates imported into Tsunagi&apos;s trust store.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SessionWidget</name>
    <message numerus="yes">
        <source>Reconnecting in %n second(s)…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TerminalWidget</name>
    <message numerus="yes">
        <source>The text to paste has %n line(s). Each line may run as a command on the host. Paste it?</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
</TS>
