<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en_US">
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>Delete %n selected item(s)? Folders are deleted with every session in them.</source>
        <translation>
            <numerusform>Delete the selected item? Folders are deleted with every session in them.</numerusform>
            <numerusform>Delete %n selected items? Folders are deleted with every session in them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n item(s)</source>
        <translation>
            <numerusform>Delete %n item</numerusform>
            <numerusform>Delete %n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n session(s) from %1.</source>
        <translation>
            <numerusform>Imported %n session from %1.</numerusform>
            <numerusform>Imported %n sessions from %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n session(s) to %1.</source>
        <translation>
            <numerusform>Exported %n session to %1.</numerusform>
            <numerusform>Exported %n sessions to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) are still connected. Disconnect them and quit?</source>
        <translation>
            <numerusform>%n session is still connected. Disconnect it and quit?</numerusform>
            <numerusform>%n sessions are still connected. Disconnect them and quit?</numerusform>
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
        <translation>
            <numerusform>Reconnecting in %n second…</numerusform>
            <numerusform>Reconnecting in %n seconds…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TerminalWidget</name>
    <message numerus="yes">
        <source>The text to paste has %n line(s). Each line may run as a command on the host. Paste it?</source>
        <translation>
            <numerusform>The text to paste has %n line. Each line may run as a command on the host. Paste it?</numerusform>
            <numerusform>The text to paste has %n lines. Each line may run as a command on the host. Paste it?</numerusform>
        </translation>
    </message>
</context>
</TS>
