<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP" sourcelanguage="en_US">
    <context>
        <name>Application</name>
        <message>
            <source>Open a session at start: a profile (Folder/Name, id or name) or a telnet://, telnets:// or tsunagi:// address.</source>
            <translation>起動時にセッションを開きます。プロファイル (フォルダー/名前、ID、または名前) か、telnet://、telnets://、tsunagi:// のアドレスを指定します。</translation>
        </message>
        <message>
            <source>Language: ja or en.</source>
            <translation>言語: ja または en。</translation>
        </message>
        <message>
            <source>Folder for the profile store and settings.</source>
            <translation>プロファイルと設定を保存するフォルダー。</translation>
        </message>
        <message>
            <source>Unexpected argument: %1</source>
            <translation>不明な引数です: %1</translation>
        </message>
        <message>
            <source>Start the demo lab and add its Demo folder of profiles.</source>
            <translation>デモラボを起動し、デモ用のプロファイルを収めた Demo フォルダーを追加します。</translation>
        </message>
        <message>
            <source>Welcome to Tsunagi</source>
            <translation>Tsunagi へようこそ</translation>
        </message>
        <message>
            <source>You have no session profiles yet. Start the demo lab?

The demo lab runs demo hosts inside Tsunagi, on this computer only (127.0.0.1), and adds a "Demo" folder: a working Telnet-over-TLS session, and one profile for each connection error Tsunagi explains.

Remove the folder to remove the lab; start Tsunagi with --demo to bring it back.</source>
            <translation>セッションのプロファイルがまだありません。デモラボを起動しますか?

デモラボは、Tsunagi の中で、このコンピューター上だけ (127.0.0.1) でデモホストを動かし、「Demo」フォルダーを追加します。このフォルダーには、実際に動作する TLS 経由の Telnet セッションと、Tsunagi が説明する接続エラーごとのプロファイルが 1 つずつ入っています。

フォルダーを削除するとデモラボも削除されます。元に戻すには、Tsunagi を --demo を付けて起動します。</translation>
        </message>
        <message>
            <source>Demo Lab</source>
            <translation>デモラボ</translation>
        </message>
        <message>
            <source>The demo lab could not start.</source>
            <translation>デモラボを起動できませんでした。</translation>
        </message>
    </context>
    <context>
        <name>CertificateViewerDialog</name>
        <message>
            <source>Certificate</source>
            <translation>証明書</translation>
        </message>
        <message>
            <source>The certificate chain sent by the host, starting with the host's own certificate.</source>
            <translation>ホストが送信した証明書チェーンです。先頭がホスト自身の証明書です。</translation>
        </message>
        <message>
            <source>The certificate chain: the host's own certificate first, then each certificate authority that issued the one above it. Select a certificate to see its details.</source>
            <translation>証明書チェーンです。先頭にホスト自身の証明書があり、その下に、上の証明書を発行した認証局の証明書が順に並びます。証明書を選択すると詳細が表示されます。</translation>
        </message>
        <message>
            <source>Certificate details</source>
            <translation>証明書の詳細</translation>
        </message>
        <message>
            <source>Who the certificate was issued to.</source>
            <translation>証明書の発行先です。</translation>
        </message>
        <message>
            <source>The certificate authority that issued and signed the certificate.</source>
            <translation>証明書を発行し、署名した認証局です。</translation>
        </message>
        <message>
            <source>The certificate is not valid before this time.</source>
            <translation>この日時より前は、証明書は有効ではありません。</translation>
        </message>
        <message>
            <source>The certificate is not valid after this time.</source>
            <translation>この日時より後は、証明書は有効ではありません。</translation>
        </message>
        <message>
            <source>The SHA-256 fingerprint identifies exactly this certificate. Compare it with the one your administrator gave you.</source>
            <translation>SHA-256 フィンガープリントは、この証明書そのものを識別する値です。管理者から知らされた値と照合してください。</translation>
        </message>
        <message>
            <source>The host names and addresses the certificate is valid for.</source>
            <translation>証明書が有効なホスト名とアドレスです。</translation>
        </message>
        <message>
            <source>The serial number the issuer gave the certificate.</source>
            <translation>発行者が証明書に付けたシリアル番号です。</translation>
        </message>
        <message>
            <source>Subject:</source>
            <translation>発行先:</translation>
        </message>
        <message>
            <source>Issuer:</source>
            <translation>発行者:</translation>
        </message>
        <message>
            <source>Valid from:</source>
            <translation>有効期間の開始:</translation>
        </message>
        <message>
            <source>Valid until:</source>
            <translation>有効期間の終了:</translation>
        </message>
        <message>
            <source>SHA-256 fingerprint:</source>
            <translation>SHA-256 フィンガープリント:</translation>
        </message>
        <message>
            <source>Subject alternative names:</source>
            <translation>サブジェクト代替名:</translation>
        </message>
        <message>
            <source>Serial number:</source>
            <translation>シリアル番号:</translation>
        </message>
        <message>
            <source>Copy Fingerprint</source>
            <translation>フィンガープリントをコピー</translation>
        </message>
        <message>
            <source>Copy the SHA-256 fingerprint of the selected certificate to the clipboard.</source>
            <translation>選択した証明書の SHA-256 フィンガープリントをクリップボードにコピーします。</translation>
        </message>
        <message>
            <source>Certificate chain:</source>
            <translation>証明書チェーン:</translation>
        </message>
        <message>
            <source>%1 (self-signed)</source>
            <translation>%1 (自己署名)</translation>
        </message>
        <message>
            <source>%1 (not yet valid)</source>
            <translation>%1 (まだ有効ではありません)</translation>
        </message>
        <message>
            <source>%1 (expired)</source>
            <translation>%1 (有効期限切れ)</translation>
        </message>
        <message>
            <source>(none)</source>
            <translation>(なし)</translation>
        </message>
        <message>
            <source>(empty)</source>
            <translation>(空)</translation>
        </message>
        <message>
            <source>(unknown)</source>
            <translation>(不明)</translation>
        </message>
    </context>
    <context>
        <name>CommandLine</name>
        <message>
            <source>%1 needs a value.</source>
            <translation>%1 には値が必要です。</translation>
        </message>
        <message>
            <source>--lang takes ja or en, not "%1".</source>
            <translation>--lang には ja または en を指定してください (「%1」は指定できません)。</translation>
        </message>
    </context>
    <context>
        <name>DemoLab</name>
        <message>
            <source>Working session</source>
            <translation>動作するセッション</translation>
        </message>
        <message>
            <source>Telnet over TLS to the demo host: a coloured greeting in English and Japanese, and a line editor that echoes what you type.</source>
            <translation>デモホストに TLS 経由の Telnet で接続します。英語と日本語のカラーのあいさつが表示され、入力した文字をそのまま返す行エディターを使用できます。</translation>
        </message>
        <message>
            <source>Expired certificate</source>
            <translation>有効期限切れの証明書</translation>
        </message>
        <message>
            <source>The host presents a certificate whose validity ended a month ago.</source>
            <translation>ホストは、1 か月前に有効期限が切れた証明書を提示します。</translation>
        </message>
        <message>
            <source>Certificate not yet valid</source>
            <translation>まだ有効になっていない証明書</translation>
        </message>
        <message>
            <source>The host presents a certificate that becomes valid only in ten years.</source>
            <translation>ホストは、10 年後にようやく有効になる証明書を提示します。</translation>
        </message>
        <message>
            <source>Untrusted certificate authority</source>
            <translation>信頼されていない認証局</translation>
        </message>
        <message>
            <source>The host's certificate was issued by a CA this profile does not trust.</source>
            <translation>ホストの証明書は、このプロファイルが信頼していない CA が発行したものです。</translation>
        </message>
        <message>
            <source>Self-signed certificate</source>
            <translation>自己署名の証明書</translation>
        </message>
        <message>
            <source>The host's certificate is signed by itself.</source>
            <translation>ホストの証明書は自己署名です。</translation>
        </message>
        <message>
            <source>Host name typed as an IP address</source>
            <translation>IP アドレスで入力したホスト名</translation>
        </message>
        <message>
            <source>The profile says 127.0.0.1; the certificate names only localhost.</source>
            <translation>プロファイルでは 127.0.0.1 を指定していますが、証明書に記載されている名前は localhost だけです。</translation>
        </message>
        <message>
            <source>Host name typed as a short name</source>
            <translation>短い名前で入力したホスト名</translation>
        </message>
        <message>
            <source>The profile says localhost; the certificate names only localhost.tsunagi.test.</source>
            <translation>プロファイルでは localhost を指定していますが、証明書に記載されている名前は localhost.tsunagi.test だけです。</translation>
        </message>
        <message>
            <source>Client certificate required</source>
            <translation>クライアント証明書が必要</translation>
        </message>
        <message>
            <source>The host requires a client certificate and the profile has none.</source>
            <translation>ホストはクライアント証明書を要求しますが、このプロファイルにはクライアント証明書が設定されていません。</translation>
        </message>
        <message>
            <source>Protocol version refused</source>
            <translation>拒否されるプロトコルのバージョン</translation>
        </message>
        <message>
            <source>The profile allows only TLS 1.3; the host speaks only TLS 1.2.</source>
            <translation>プロファイルは TLS 1.3 だけを許可していますが、ホストは TLS 1.2 にしか対応していません。</translation>
        </message>
        <message>
            <source>Cipher suite mismatch</source>
            <translation>暗号スイートの不一致</translation>
        </message>
        <message>
            <source>The profile asks for 256-bit encryption; the host offers one 128-bit cipher suite.</source>
            <translation>プロファイルは 256 ビットの暗号化を要求していますが、ホストが提示するのは 128 ビットの暗号スイート 1 つだけです。</translation>
        </message>
        <message>
            <source>Silent server (handshake timeout)</source>
            <translation>応答しないサーバー (ハンドシェイクのタイムアウト)</translation>
        </message>
        <message>
            <source>The host accepts the connection and never answers; this profile gives up after 3 seconds.</source>
            <translation>ホストは接続を受け付けますが、まったく応答しません。このプロファイルは 3 秒で接続をあきらめます。</translation>
        </message>
        <message>
            <source>Corrupted record</source>
            <translation>破損したレコード</translation>
        </message>
        <message>
            <source>A relay on the way flips one bit of a TLS record after the handshake.</source>
            <translation>途中の中継サーバーが、ハンドシェイクの後に TLS レコードの 1 ビットを反転させます。</translation>
        </message>
        <message>
            <source>Plain-text server on the TLS port</source>
            <translation>TLS のポートで待ち受ける平文のサーバー</translation>
        </message>
        <message>
            <source>The host answers in plain text, without TLS.</source>
            <translation>ホストは TLS を使用せず、平文で応答します。</translation>
        </message>
        <message>
            <source>Closed port</source>
            <translation>閉じたポート</translation>
        </message>
        <message>
            <source>Nothing listens on this port of 127.0.0.1.</source>
            <translation>127.0.0.1 のこのポートでは、何も待ち受けていません。</translation>
        </message>
        <message>
            <source>Security proxy without a token</source>
            <translation>認可トークンなしのセキュリティプロキシ</translation>
        </message>
        <message>
            <source>The demo security proxy demands an authorization token; none is set.</source>
            <translation>デモのセキュリティプロキシは認可トークンを要求しますが、認可トークンが設定されていません。</translation>
        </message>
        <message>
            <source>Security proxy rejects the token</source>
            <translation>認可トークンを拒否するセキュリティプロキシ</translation>
        </message>
        <message>
            <source>The profile's authorization token (in the keychain) is not the one the demo security proxy accepts.</source>
            <translation>プロファイルの認可トークン (キーチェーンに保存) は、デモのセキュリティプロキシが受け付けるトークンではありません。</translation>
        </message>
        <message>
            <source>Certificate changed after pinning</source>
            <translation>固定した後に変わった証明書</translation>
        </message>
        <message>
            <source>The profile pinned the host's earlier certificate; the host now presents another one.</source>
            <translation>プロファイルはホストの以前の証明書を固定していますが、ホストは現在、別の証明書を提示します。</translation>
        </message>
        <message>
            <source>Encryption strength unavailable (168-bit)</source>
            <translation>使用できない暗号化レベル (168 ビット)</translation>
        </message>
        <message>
            <source>The profile asks for 168-bit (3DES) encryption, which this computer's TLS library no longer offers.</source>
            <translation>プロファイルは 168 ビット (3DES) の暗号化を要求していますが、このコンピューターの TLS ライブラリはこの暗号化を提供していません。</translation>
        </message>
    </context>
    <context>
        <name>DiagnoseCommand</name>
        <message>
            <source>"%1" is not a valid target URL (%2).</source>
            <translation>「%1」は有効な接続先 URL ではありません (%2)。</translation>
        </message>
        <message>
            <source>--no-tls contradicts the telnets:// target.</source>
            <translation>--no-tls は telnets:// の接続先と同時に指定できません。</translation>
        </message>
        <message>
            <source>"%1" is not a valid host.</source>
            <translation>「%1」は有効なホストではありません。</translation>
        </message>
        <message>
            <source>The port in "%1" must be a number from 1 to 65535.</source>
            <translation>「%1」のポートには 1 から 65535 までの数値を指定してください。</translation>
        </message>
        <message>
            <source>Give either a TARGET or --profile NAME, not both.</source>
            <translation>TARGET と --profile NAME のどちらか一方だけを指定してください。</translation>
        </message>
        <message>
            <source>No profile named "%1".</source>
            <translation>「%1」という名前のプロファイルはありません。</translation>
        </message>
        <message>
            <source>No TARGET given.</source>
            <translation>TARGET が指定されていません。</translation>
        </message>
        <message>
            <source>Only one TARGET can be diagnosed at a time (got "%1").</source>
            <translation>一度に診断できる TARGET は 1 つだけです (指定された値: 「%1」)。</translation>
        </message>
        <message>
            <source>--tls-min takes 1.0, 1.1, 1.2 or 1.3, not "%1".</source>
            <translation>--tls-min には 1.0、1.1、1.2、1.3 のいずれかを指定してください (「%1」は指定できません)。</translation>
        </message>
        <message>
            <source>--tls-max takes 1.0, 1.1, 1.2 or 1.3, not "%1".</source>
            <translation>--tls-max には 1.0、1.1、1.2、1.3 のいずれかを指定してください (「%1」は指定できません)。</translation>
        </message>
        <message>
            <source>The minimum TLS version is higher than the maximum.</source>
            <translation>TLS のバージョンの最小値が最大値より新しくなっています。</translation>
        </message>
        <message>
            <source>--encryption takes default, recommended, 256, 128 or 168, not "%1".</source>
            <translation>--encryption には default、recommended、256、128、168 のいずれかを指定してください (「%1」は指定できません)。</translation>
        </message>
        <message>
            <source>--trust takes system, app or both, not "%1".</source>
            <translation>--trust には system、app、both のいずれかを指定してください (「%1」は指定できません)。</translation>
        </message>
        <message>
            <source>Cannot read the CA file "%1".</source>
            <translation>CA ファイル「%1」を読み込めません。</translation>
        </message>
        <message>
            <source>Cannot read the client certificate "%1".</source>
            <translation>クライアント証明書「%1」を読み込めません。</translation>
        </message>
        <message>
            <source>--client-key needs --client-cert with a PEM certificate.</source>
            <translation>--client-key を使うには、PEM 形式の証明書を --client-cert で指定してください。</translation>
        </message>
        <message>
            <source>Cannot read the client key "%1".</source>
            <translation>クライアントの秘密鍵「%1」を読み込めません。</translation>
        </message>
        <message>
            <source>--revocation takes off, ocsp or crl, not "%1".</source>
            <translation>--revocation には off、ocsp、crl のいずれかを指定してください (「%1」は指定できません)。</translation>
        </message>
        <message>
            <source>Cannot read the CRL file "%1".</source>
            <translation>CRL ファイル「%1」を読み込めません。</translation>
        </message>
        <message>
            <source>--proxy takes HOST:PORT, not "%1".</source>
            <translation>--proxy には HOST:PORT の形式で指定してください (「%1」は指定できません)。</translation>
        </message>
        <message>
            <source>Cannot read the proxy token file "%1".</source>
            <translation>プロキシの認可トークンのファイル「%1」を読み込めません。</translation>
        </message>
        <message>
            <source>--proxy-token-file needs --proxy (or a profile with a security proxy).</source>
            <translation>--proxy-token-file を使うには、--proxy (またはセキュリティプロキシを設定したプロファイル) を指定してください。</translation>
        </message>
        <message>
            <source>--timeout takes a number of seconds greater than 0, not "%1".</source>
            <translation>--timeout には 0 より大きい秒数を指定してください (「%1」は指定できません)。</translation>
        </message>
        <message>
            <source>--observe takes a number of seconds (0 or more), not "%1".</source>
            <translation>--observe には 0 以上の秒数を指定してください (「%1」は指定できません)。</translation>
        </message>
        <message>
            <source>Usage: tsunagi --diagnose TARGET [options] [--json] [--lang ja|en]

Tries one connection and explains the result. Exit status: 0 connected and verified,
1 the connection failed and was diagnosed, 2 bad usage.

  TARGET                     HOST[:PORT], telnets://HOST[:PORT], telnet://HOST[:PORT],
                             a tsunagi://connect session link, or --profile NAME
  --no-tls                   plain TCP
  --tls-min V / --tls-max V  V = 1.0 | 1.1 | 1.2 | 1.3
  --encryption LEVEL         default | recommended | 256 | 128 | 168
  --trust SOURCE             system | app | both
  --ca-file FILE             extra trusted CA certificates (PEM), repeatable
  --client-cert FILE         PKCS#12 or PEM; --client-key FILE for a separate PEM key
                             (passphrase from TSUNAGI_CLIENT_KEY_PASSPHRASE)
  --no-hostname-check        do not require the certificate to name the host
  --revocation MODE          off | ocsp | crl ;  --crl-file FILE, repeatable
  --revocation-required      fail when no revocation answer can be had
  --fips                     FIPS mode
  --proxy HOST:PORT          security proxy; --proxy-token-file FILE
  --timeout SECONDS          connect + handshake limit (default 30)
  --observe SECONDS          after the handshake, keep reading this long (default 2)
  --json                     print one JSON object
  --lang ja|en               language of the report
</source>
            <translation>使い方: tsunagi --diagnose TARGET [オプション] [--json] [--lang ja|en]

接続を 1 回試み、その結果を説明します。終了ステータス: 0 は接続して検証済み、
1 は接続に失敗して診断した、2 は使い方の誤りです。

  TARGET                     HOST[:PORT]、telnets://HOST[:PORT]、telnet://HOST[:PORT]、
                             tsunagi://connect のセッションリンク、または --profile NAME
  --no-tls                   暗号化しない TCP で接続します
  --tls-min V / --tls-max V  V = 1.0 | 1.1 | 1.2 | 1.3
  --encryption LEVEL         default | recommended | 256 | 128 | 168
  --trust SOURCE             system | app | both
  --ca-file FILE             追加で信頼する CA 証明書 (PEM)。複数指定できます
  --client-cert FILE         PKCS#12 または PEM。PEM の秘密鍵が別ファイルなら --client-key FILE
                             (パスフレーズは TSUNAGI_CLIENT_KEY_PASSPHRASE から読み取ります)
  --no-hostname-check        証明書にホスト名が含まれていることを要求しません
  --revocation MODE          off | ocsp | crl。--crl-file FILE は複数指定できます
  --revocation-required      証明書失効の確認で応答が得られないときは失敗にします
  --fips                     FIPS モード
  --proxy HOST:PORT          セキュリティプロキシ。認可トークンは --proxy-token-file FILE
  --timeout SECONDS          接続とハンドシェイクの制限時間 (既定値は 30 秒)
  --observe SECONDS          ハンドシェイク後に受信を続ける時間 (既定値は 2 秒)
  --json                     JSON オブジェクトを 1 つ出力します
  --lang ja|en               レポートの言語
</translation>
        </message>
        <message>
            <source>The demo lab could not start: %1</source>
            <translation>デモラボを起動できませんでした: %1</translation>
        </message>
    </context>
    <context>
        <name>DiagnosisReport</name>
        <message>
            <source>Connected and verified.</source>
            <translation>接続し、検証が完了しました。</translation>
        </message>
        <message>
            <source>Detected cause:</source>
            <translation>検出された原因:</translation>
        </message>
        <message>
            <source>Other possible causes:</source>
            <translation>その他の考えられる原因:</translation>
        </message>
        <message>
            <source>Possible causes:</source>
            <translation>考えられる原因:</translation>
        </message>
        <message>
            <source>Steps to fix:</source>
            <translation>対処方法:</translation>
        </message>
        <message>
            <source>Host name to use instead: %1</source>
            <translation>代わりに使用するホスト名: %1</translation>
        </message>
        <message>
            <source>Setting that fixes it: %1</source>
            <translation>この問題を解決する設定: %1</translation>
        </message>
        <message>
            <source>Technical details</source>
            <translation>技術的な詳細</translation>
        </message>
        <message>
            <source>Host</source>
            <translation>ホスト</translation>
        </message>
        <message>
            <source>Stage</source>
            <translation>段階</translation>
        </message>
        <message>
            <source>Socket error</source>
            <translation>ソケットエラー</translation>
        </message>
        <message>
            <source>TLS errors</source>
            <translation>TLS エラー</translation>
        </message>
        <message>
            <source>Alert sent</source>
            <translation>送信したアラート</translation>
        </message>
        <message>
            <source>Alert received</source>
            <translation>受信したアラート</translation>
        </message>
        <message>
            <source>Protocol</source>
            <translation>プロトコル</translation>
        </message>
        <message>
            <source>Cipher</source>
            <translation>暗号スイート</translation>
        </message>
        <message>
            <source>Bytes received</source>
            <translation>受信したバイト数</translation>
        </message>
        <message>
            <source>Telnet options</source>
            <translation>Telnet オプション</translation>
        </message>
        <message>
            <source>Elapsed</source>
            <translation>経過時間</translation>
        </message>
        <message>
            <source>%1 ms</source>
            <translation>%1 ミリ秒</translation>
        </message>
        <message>
            <source>Certificate chain</source>
            <translation>証明書チェーン</translation>
        </message>
        <message>
            <source>Subject</source>
            <translation>サブジェクト</translation>
        </message>
        <message>
            <source>Issuer</source>
            <translation>発行者</translation>
        </message>
        <message>
            <source>Valid from</source>
            <translation>有効期間の開始</translation>
        </message>
        <message>
            <source>Valid until</source>
            <translation>有効期間の終了</translation>
        </message>
        <message>
            <source>SHA-256 fingerprint</source>
            <translation>SHA-256 フィンガープリント</translation>
        </message>
        <message>
            <source>Evidence</source>
            <translation>判断の根拠</translation>
        </message>
        <message>
            <source>none</source>
            <translation>なし</translation>
        </message>
        <message>
            <source>Tsunagi connection report (for support)</source>
            <translation>Tsunagi 接続レポート (サポート用)</translation>
        </message>
    </context>
    <context>
        <name>ErrorCatalogue</name>
        <message>
            <source>Always start and reconnect the session by clicking its session link on the web portal, for the host and session you want.</source>
            <translation>セッションの開始と再接続は、必ず Web ポータルで対象のホストとセッションのセッションリンクをクリックして行ってください。</translation>
        </message>
        <message>
            <source>Reload the web portal's page of session links, or sign in to the portal again, to get a fresh link with a valid token.</source>
            <translation>Web ポータルのセッションリンクの一覧ページを再読み込みするか、ポータルにサインインし直して、有効な認可トークンを含む新しいリンクを取得してください。</translation>
        </message>
        <message>
            <source>For any other problem, contact the administrator of the web portal and the security proxy.</source>
            <translation>その他の問題については、Web ポータルとセキュリティプロキシの管理者にお問い合わせください。</translation>
        </message>
        <message>
            <source>Let Tsunagi connect without a version-specific handshake: in Security Properties &gt; SSL/TLS, under TLS version, select "Negotiate automatically".</source>
            <translation>バージョン固有のハンドシェイクを送信せずに接続するように設定してください。「セキュリティのプロパティ」&gt;「SSL/TLS」の「TLS のバージョン」で「自動でネゴシエートする」を選択します。</translation>
        </message>
        <message>
            <source>Reinstall the OpenSSL libraries with the package manager: sudo apt install --reinstall libssl3 openssl</source>
            <translation>パッケージマネージャーで OpenSSL のライブラリを再インストールしてください (sudo apt install --reinstall libssl3 openssl)。</translation>
        </message>
        <message>
            <source>Upgrade the operating system to a release that provides OpenSSL 3 with its provider modules (Debian 12 or later).</source>
            <translation>プロバイダーモジュールを含む OpenSSL 3 を提供するリリース (Debian 12 以降) に、オペレーティングシステムをアップグレードしてください。</translation>
        </message>
        <message>
            <source>The security proxy rejected the authorization token</source>
            <translation>セキュリティプロキシが認可トークンを拒否しました</translation>
        </message>
        <message>
            <source>Tsunagi could not set up the encrypted connection to the security proxy. The security proxy received the authorization token that the web portal issued for this session and that the proxy requires, but the token is invalid or has expired.</source>
            <translation>セキュリティプロキシへの暗号化接続を確立できませんでした。このセッション用に Web ポータルが発行し、セキュリティプロキシが必要とする認可トークンをセキュリティプロキシは受信しましたが、そのトークンが無効か、有効期限が切れています。</translation>
        </message>
        <message>
            <source>The authorization token has expired: you reconnected the session after its token expired, or you started the session from a saved profile or a saved copy of the session link instead of clicking the link on the web portal, and the token saved with it has expired.</source>
            <translation>認可トークンの有効期限が切れています。トークンの期限が切れた後にセッションに再接続したか、Web ポータルのリンクをクリックせずに、保存したプロファイルやセッションリンクのコピーからセッションを開始したため、一緒に保存されていたトークンの期限が切れています。</translation>
        </message>
        <message>
            <source>The security proxy did not accept the authorization token: it is not a token the proxy can verify, or it was issued for another host or session.</source>
            <translation>セキュリティプロキシが認可トークンを受け付けませんでした。プロキシが検証できないトークンか、別のホストまたはセッション用に発行されたトークンです。</translation>
        </message>
        <message>
            <source>The security proxy is not configured to trust the certificate of the web portal that issues the tokens, so it cannot verify any token the portal issued.</source>
            <translation>セキュリティプロキシが、トークンを発行する Web ポータルの証明書を信頼する証明書として設定していないため、ポータルが発行したトークンを検証できません。</translation>
        </message>
        <message>
            <source>The security proxy requires an authorization token, but none was sent</source>
            <translation>セキュリティプロキシには認可トークンが必要ですが、送信されませんでした</translation>
        </message>
        <message>
            <source>Tsunagi could not set up the encrypted connection to the security proxy. The security proxy requires the authorization token that the web portal issues with each session link, and it did not receive one.</source>
            <translation>セキュリティプロキシへの暗号化接続を確立できませんでした。セキュリティプロキシは、Web ポータルがセッションリンクごとに発行する認可トークンを必要としますが、トークンを受信しませんでした。</translation>
        </message>
        <message>
            <source>No authorization token is set for this profile's security proxy, or the web portal that issues session links has no security certificate installed, so its links carry no token.</source>
            <translation>このプロファイルのセキュリティプロキシに認可トークンが設定されていないか、セッションリンクを発行する Web ポータルにセキュリティ証明書がインストールされていないため、リンクにトークンが含まれていません。</translation>
        </message>
        <message>
            <source>The profile takes its token from a session link, but the session was started from the saved profile (or a saved copy of the link) instead of by clicking the session link on the web portal.</source>
            <translation>このプロファイルはセッションリンクから認可トークンを受け取るように設定されていますが、Web ポータルでセッションリンクをクリックせずに、保存したプロファイル (またはリンクのコピー) からセッションを開始しました。</translation>
        </message>
        <message>
            <source>The SSL/TLS handshake failed</source>
            <translation>SSL/TLS ハンドシェイクに失敗しました</translation>
        </message>
        <message>
            <source>Tsunagi could not set up an encrypted connection with the host: the SSL/TLS handshake did not complete.</source>
            <translation>ホストとの暗号化接続を確立できませんでした。SSL/TLS ハンドシェイクが完了しませんでした。</translation>
        </message>
        <message>
            <source>An encryption strength is set explicitly in Security Properties, and the server could not accept the requested strength.</source>
            <translation>「セキュリティのプロパティ」で暗号化レベルが明示的に設定されており、要求された暗号化レベルをサーバーが受け入れられませんでした。</translation>
        </message>
        <message>
            <source>The server does not support SSL/TLS connections, or you are connecting to the wrong port of the host (for example the plain Telnet port 23).</source>
            <translation>サーバーが SSL/TLS 接続に対応していないか、ホストの誤ったポート (通常の Telnet 用のポート 23 など) に接続しようとしています。</translation>
        </message>
        <message>
            <source>The server does not support the TLS versions that this profile and the OpenSSL library on this computer offer.</source>
            <translation>このプロファイルとこのコンピューターの OpenSSL ライブラリが提示した TLS のバージョンに、サーバーが対応していません。</translation>
        </message>
        <message>
            <source>The server is not accepting the connection, or it has stopped.</source>
            <translation>サーバーが接続を受け付けていないか、停止しています。</translation>
        </message>
        <message>
            <source>Tsunagi is running in FIPS mode, and this connection does not meet the FIPS requirements.</source>
            <translation>Tsunagi は FIPS モードで動作しており、この接続は FIPS の要件を満たしていません。</translation>
        </message>
        <message>
            <source>Choose a different Encryption strength in Security Properties &gt; SSL/TLS, or set it back to Default, and try again. Ask the server's system administrator which encryption the server supports.</source>
            <translation>「セキュリティのプロパティ」&gt;「SSL/TLS」で別の暗号化レベルを選択するか「既定」に戻して、もう一度接続してください。サーバーが対応している暗号化の種類は、サーバーのシステム管理者にお問い合わせください。</translation>
        </message>
        <message>
            <source>Ask the system administrator whether the server is working properly. If you must make a less secure connection, clear "Use SSL/TLS security" in Security Properties; the connection will then not be encrypted.</source>
            <translation>サーバーが正しく動作しているかどうかを、システム管理者に確認してください。安全性の低い接続をどうしても確立する必要がある場合は、「セキュリティのプロパティ」で「SSL/TLS セキュリティを使用する」をオフにします。この場合、接続は暗号化されません。</translation>
        </message>
        <message>
            <source>Check the port used for the connection. Tsunagi's default is port 992 for Telnet over TLS and port 23 for plain Telnet; a port set for plain Telnet usually has to be changed to one suitable for SSL/TLS. Ask the system administrator which port the host uses.</source>
            <translation>接続に使用するポートを確認してください。Tsunagi の既定値は、TLS を使用する Telnet ではポート 992、通常の Telnet ではポート 23 です。通常の Telnet 用に設定したポートは、一般に SSL/TLS 接続に適した値に変更する必要があります。ホストが使用するポートは、システム管理者に確認してください。</translation>
        </message>
        <message>
            <source>Ask the system administrator about the state of the system, or try to connect again later.</source>
            <translation>システム管理者にシステムの状況を確認するか、しばらくしてからもう一度接続してください。</translation>
        </message>
        <message>
            <source>Check whether the server's certificate is suitable for FIPS mode. The key size of the server certificate must match the FIPS protection level of the shared secret key that is exchanged and used to encrypt the session: with 3DES (168-bit, effectively 112-bit) the host certificate needs an RSA or DSA key of at least 1024 bits; with AES (128-bit), an RSA or DSA key of at least 3072 bits.</source>
            <translation>サーバーの証明書が FIPS モードに対応しているかどうかを確認してください。サーバー証明書の鍵のサイズは、交換されてセッションの暗号化に使用される共有秘密鍵の FIPS 保護レベルに見合っている必要があります。3DES (168 ビット、実質 112 ビット) の場合、ホスト証明書には 1024 ビット以上の RSA 鍵または DSA 鍵が必要です。AES (128 ビット) の場合は、3072 ビット以上の RSA 鍵または DSA 鍵が必要です。</translation>
        </message>
        <message>
            <source>Your client certificate could not be found</source>
            <translation>クライアント証明書が見つかりませんでした</translation>
        </message>
        <message>
            <source>Tsunagi could not find your credentials. The host requires you to authenticate with your own personal certificate (a client certificate), and no usable one was found or the host did not accept it.</source>
            <translation>ユーザーの資格情報が見つかりませんでした。接続先のホストはユーザー自身の個人用証明書 (クライアント証明書) による認証を必要としていますが、使用できる証明書が見つからなかったか、ホストがその証明書を受け入れませんでした。</translation>
        </message>
        <message>
            <source>No client certificate is set for this profile in PKI Configuration.</source>
            <translation>「PKI の構成」で、このプロファイルにクライアント証明書が設定されていません。</translation>
        </message>
        <message>
            <source>The host rejected the client certificate that was sent: for example, it was not issued by a certificate authority the host trusts, or it has expired or been revoked.</source>
            <translation>送信したクライアント証明書をホストが拒否しました。たとえば、ホストが信頼する認証局から発行された証明書ではないか、有効期限切れか、失効しています。</translation>
        </message>
        <message>
            <source>The client certificate or its private key could not be used: the file is missing, the passphrase is wrong, or the key does not belong to the certificate.</source>
            <translation>クライアント証明書またはその秘密鍵を使用できませんでした。ファイルが存在しないか、パスフレーズが正しくないか、秘密鍵が証明書と対応していません。</translation>
        </message>
        <message>
            <source>If you do not have a client certificate, ask your system administrator for one.</source>
            <translation>クライアント証明書を持っていない場合は、システム管理者に問い合わせて入手してください。</translation>
        </message>
        <message>
            <source>Timed out while setting up the encrypted connection</source>
            <translation>暗号化接続の確立中にタイムアウトしました</translation>
        </message>
        <message>
            <source>The TCP connection to the host was made, but the SSL/TLS handshake did not finish within the time allowed.</source>
            <translation>ホストとの TCP 接続は確立しましたが、SSL/TLS ハンドシェイクが制限時間内に完了しませんでした。</translation>
        </message>
        <message>
            <source>The host accepted the TCP connection but never answered the handshake: the server has stopped or hangs, the network was cut, or the server does not support the TLS version Tsunagi offered and waits instead of refusing it.</source>
            <translation>ホストは TCP 接続を受け付けましたが、ハンドシェイクに応答しませんでした。サーバーが停止しているか応答しなくなっている、ネットワークが切断された、または Tsunagi が提示した TLS のバージョンにサーバーが対応しておらず、拒否せずに待ち続けている可能性があります。</translation>
        </message>
        <message>
            <source>The network is busy or the connection is slow, so the handshake did not finish in time. The handshake has no time limit of its own: it shares the connection's time limit with the TCP connection, so it runs out only when the TCP connection itself used up most of that time.</source>
            <translation>ネットワークの負荷が高いか接続速度が遅いため、ハンドシェイクが時間内に完了しませんでした。ハンドシェイクに独自の制限時間はなく、TCP 接続と同じ制限時間を共有します。そのため、TCP 接続自体がその時間の大半を使い切った場合にだけ時間切れになります。</translation>
        </message>
        <message>
            <source>The handshake's time limit cannot be set separately: the profile's connection timeout (30 seconds by default; --timeout for tsunagi --diagnose) covers the TCP connection and the handshake together.</source>
            <translation>ハンドシェイクの制限時間は個別に設定できません。プロファイルの接続タイムアウト (既定値は 30 秒、tsunagi --diagnose では --timeout) が、TCP 接続とハンドシェイクの両方に適用されます。</translation>
        </message>
        <message>
            <source>Ask the server or network administrator about the situation, or try to connect again later.</source>
            <translation>サーバーまたはネットワークの管理者に状況を確認するか、しばらくしてからもう一度接続してください。</translation>
        </message>
        <message>
            <source>The connection was closed because a corrupted message was received</source>
            <translation>破損したメッセージを受信したため、接続が切断されました</translation>
        </message>
        <message>
            <source>The connection was closed because a message was corrupted. Every SSL/TLS message carries a message authentication code (MAC), the mechanism that detects whether its content was changed on its way from the host to this computer; a message failed that check.</source>
            <translation>メッセージが破損していたため、接続が切断されました。SSL/TLS の各メッセージには、ホストからこのコンピューターへの転送中に内容が変更されたかどうかを検出する仕組みであるメッセージ認証コード (MAC) が付いています。この確認に失敗したメッセージがありました。</translation>
        </message>
        <message>
            <source>A message was corrupted in transit, either by a faulty network connection or by someone attempting an attack on the connection.</source>
            <translation>ネットワーク接続の不良か、接続に対する攻撃の試みにより、転送中のメッセージが破損しました。</translation>
        </message>
        <message>
            <source>Connect again. If the error persists, contact your network administrator: someone may have broken into the network, or network hardware between this computer and the server may be damaged.</source>
            <translation>もう一度接続してください。それでもこのエラーが解消しない場合は、ネットワーク管理者に連絡してください。ネットワークに侵入されたか、このコンピューターとサーバーの間にあるネットワーク機器が故障している可能性があります。</translation>
        </message>
        <message>
            <source>The host's SSL/TLS certificate is not from a trusted certificate authority, or has expired</source>
            <translation>ホストの SSL/TLS 証明書が信頼された認証局のものでないか、有効期限が切れています</translation>
        </message>
        <message>
            <source>The certificate the server presented is not valid, or it was not issued by a certificate authority (CA) that you trust.</source>
            <translation>サーバーが提示した証明書が無効であるか、ユーザーが信頼している認証局 (CA) から発行されていません。</translation>
        </message>
        <message>
            <source>The certificate authority that issued the host's server certificate is not in your list of trusted certificate authorities (CA). When Trust source includes the system certificate store, the trusted CAs are those in /etc/ssl/certs (list them with: trust list, or ls /etc/ssl/certs). When it is Tsunagi's trust store only, a CA you have not yet imported into Tsunagi's trust store is not trusted; manage that list in Security Properties &gt; SSL/TLS &gt; Configure PKI….</source>
            <translation>ホストのサーバー証明書を発行した認証局が、信頼された認証局 (CA) の一覧にありません。「信頼する証明書の格納場所」にシステムの証明書ストアが含まれる場合、信頼された認証局は /etc/ssl/certs にある認証局です (trust list または ls /etc/ssl/certs で一覧を表示できます)。Tsunagi の証明書ストアだけを使用する場合、Tsunagi の証明書ストアにまだインポートしていない認証局は信頼されません。この一覧は「セキュリティのプロパティ」&gt;「SSL/TLS」&gt;「PKI の構成...」で管理します。</translation>
        </message>
        <message>
            <source>The host's certificate is self-signed: no certificate authority vouches for it.</source>
            <translation>ホストの証明書は自己署名です。この証明書を保証する認証局はありません。</translation>
        </message>
        <message>
            <source>The host's server certificate has expired.</source>
            <translation>ホストのサーバー証明書の有効期限が切れています。</translation>
        </message>
        <message>
            <source>The host's server certificate is not valid yet: its validity starts in the future, or the clock of this computer or of the host is wrong.</source>
            <translation>ホストのサーバー証明書はまだ有効になっていません。有効期間の開始日が将来の日付になっているか、このコンピューターまたはホストの時計が正しくありません。</translation>
        </message>
        <message>
            <source>Revocation checking answered that the certificate is no longer valid: it has been revoked.</source>
            <translation>証明書失効の確認で、証明書がすでに有効でない (失効している) という応答がありました。</translation>
        </message>
        <message>
            <source>Revocation checking did not return a valid answer. Even when the certificate is valid, this happens when Tsunagi cannot reach the OCSP responder or cannot get the CRL file.</source>
            <translation>証明書失効の確認で有効な応答が得られませんでした。証明書が有効であっても、Tsunagi が OCSP レスポンダーに到達できない場合や CRL ファイルを取得できない場合は、この状態になります。</translation>
        </message>
        <message>
            <source>Add the certificate authority to the trusted certificate authorities (CA) of Tsunagi's trust store or of the system certificate store: import the CA certificate in Security Properties &gt; SSL/TLS &gt; Configure PKI…, or install it into the system certificate store (copy it to /usr/local/share/ca-certificates/ and run sudo update-ca-certificates).</source>
            <translation>Tsunagi の証明書ストアまたはシステムの証明書ストアの信頼された認証局 (CA) に、その認証局を追加してください。「セキュリティのプロパティ」&gt;「SSL/TLS」&gt;「PKI の構成...」で CA 証明書をインポートするか、システムの証明書ストアにインストールします (/usr/local/share/ca-certificates/ にコピーして sudo update-ca-certificates を実行します)。</translation>
        </message>
        <message>
            <source>If Trust source is Tsunagi's trust store only, add the certificate authority to Tsunagi's trust store (PKI Configuration).</source>
            <translation>「信頼する証明書の格納場所」が Tsunagi の証明書ストアだけの場合は、Tsunagi の証明書ストア (「PKI の構成」) に認証局を追加してください。</translation>
        </message>
        <message>
            <source>If the certificate has expired, is not yet valid or was revoked, tell the host's system administrator that a new certificate must be obtained.</source>
            <translation>証明書の有効期限が切れている、まだ有効になっていない、または失効している場合は、新しい証明書を取得する必要があることをホストのシステム管理者に連絡してください。</translation>
        </message>
        <message>
            <source>If the OCSP responder or the CRL cannot be reached, check the network path to them. Turn off "Require a revocation answer" in PKI Configuration only after consulting your system administrator.</source>
            <translation>OCSP レスポンダーまたは CRL に到達できない場合は、それらへのネットワーク経路を確認してください。「PKI の構成」の「失効の確認結果を必須にする」をオフにするのは、必ずシステム管理者に相談してからにしてください。</translation>
        </message>
        <message>
            <source>If you are sure this is the right host, compare the certificate's SHA-256 fingerprint with the one the host's administrator gives you, and then trust this certificate for this profile only.</source>
            <translation>接続先が正しいホストであることが確かな場合は、証明書の SHA-256 フィンガープリントをホストの管理者から伝えられた値と照合したうえで、この証明書をこのプロファイルに限って信頼してください。</translation>
        </message>
        <message>
            <source>The host's SSL/TLS certificate does not contain the target host name</source>
            <translation>ホストの SSL/TLS 証明書に接続先のホスト名が含まれていません</translation>
        </message>
        <message>
            <source>The certificate the server presented contains no host name that matches the one you (or a local name service such as DNS) gave as the connection target. Tsunagi authenticates the host before it sets up an SSL/TLS connection: the certificate the host presents must come from a trusted certificate authority, and must name the host. If this computer does not recognise the certificate authority, no SSL/TLS connection can be made.</source>
            <translation>サーバーが提示した証明書に、ユーザー (または DNS などのローカルの名前解決サービス) が接続先として指定したホスト名と一致するホスト名が含まれていません。Tsunagi は、SSL/TLS 接続を確立する前にホストを認証します。ホストが提示する証明書は、信頼された認証局から発行され、ホストの名前を含んでいる必要があります。このコンピューターが認証局を認識できない場合、SSL/TLS 接続は確立できません。</translation>
        </message>
        <message>
            <source>You entered an IP address instead of the host name. The host name set in Tsunagi must exactly match a host name in the certificate (its subject alternative names, or its CommonName field when it has none).</source>
            <translation>ホスト名の代わりに IP アドレスを入力しました。Tsunagi に設定するホスト名は、証明書に含まれるホスト名 (サブジェクトの別名、それがない場合は CommonName フィールド) と完全に一致している必要があります。</translation>
        </message>
        <message>
            <source>You entered a short alias of the host (such as "myhost"), and the certificate holds the full host name (such as "myhost.domain.com").</source>
            <translation>ホストの短い別名 (「myhost」など) を入力しましたが、証明書には完全なホスト名 (「myhost.domain.com」など) が含まれています。</translation>
        </message>
        <message>
            <source>The certificate does not contain the host name you entered at all; it may have been issued for another host.</source>
            <translation>入力したホスト名は証明書にまったく含まれていません。別のホスト用に発行された証明書である可能性があります。</translation>
        </message>
        <message>
            <source>If you entered an IP address instead of the host name, enter the host name and connect again.</source>
            <translation>ホスト名の代わりに IP アドレスを入力した場合は、ホスト名を入力してから接続し直してください。</translation>
        </message>
        <message>
            <source>If you entered an alias of the host (such as "myhost"), enter the full host name (such as "myhost.domain.com") and connect again. When you connect to a host in another domain, you must use the full host name, not the short alias.</source>
            <translation>ホストの別名 (「myhost」など) を入力した場合は、完全なホスト名 (「myhost.domain.com」など) を入力してから接続し直してください。ドメインが異なるホストに接続する場合は、短い別名ではなく完全なホスト名を使用する必要があります。</translation>
        </message>
        <message>
            <source>Ask your system administrator whether the host's certificate contains the host name. If the host name does not need to be checked, open Security Properties &gt; SSL/TLS &gt; Configure PKI… and clear "Verify that the certificate host name matches the target host name". Always consult your system administrator before making this change: turning the check off lowers the security of the connection.</source>
            <translation>ホストの証明書にホスト名が含まれているかどうかを、システム管理者に確認してください。ホスト名を確認する必要がない場合は、「セキュリティのプロパティ」&gt;「SSL/TLS」&gt;「PKI の構成...」を開き、「証明書のホスト名が接続先のホスト名と一致することを確認する」をオフにします。この変更を行う前に、必ずシステム管理者に相談してください。この確認をオフにすると、接続のセキュリティが低下します。</translation>
        </message>
        <message>
            <source>The requested SSL/TLS encryption strength is not available on this computer</source>
            <translation>要求した SSL/TLS の暗号化レベルは、このコンピューターでは使用できません</translation>
        </message>
        <message>
            <source>The encryption strength chosen in Security Properties (or stored in the profile you use) is beyond what the TLS library of this computer offers. This usually happens when the same profiles are used on computers with different TLS libraries or policies: for example, an administrator chose 168-bit (3DES) encryption, but the OpenSSL 3 library of this computer no longer offers it, or the system-wide OpenSSL policy in /etc/ssl/openssl.cnf forbids it.</source>
            <translation>「セキュリティのプロパティ」で選択した (または使用しているプロファイルに保存されている) 暗号化レベルが、このコンピューターの TLS ライブラリが提供できる範囲を超えています。これは通常、TLS ライブラリやポリシーが異なる複数のコンピューターで同じプロファイルを使用している場合に発生します。たとえば、管理者が 168 ビット (3DES) の暗号化を指定したものの、このコンピューターの OpenSSL 3 ライブラリがそれをもう提供していない場合や、/etc/ssl/openssl.cnf にあるシステム全体の OpenSSL ポリシーがそれを禁止している場合です。</translation>
        </message>
        <message>
            <source>The OpenSSL library on this computer has no cipher suite for the chosen Encryption strength.</source>
            <translation>このコンピューターの OpenSSL ライブラリには、選択した暗号化レベルに対応する暗号スイートがありません。</translation>
        </message>
        <message>
            <source>Set a lower Encryption strength, or use Default, in Security Properties &gt; SSL/TLS.</source>
            <translation>「セキュリティのプロパティ」&gt;「SSL/TLS」で、暗号化レベルを低く設定するか「既定」を使用してください。</translation>
        </message>
        <message>
            <source>Tsunagi's SSL/TLS library is missing or damaged</source>
            <translation>Tsunagi の SSL/TLS ライブラリが存在しないか、破損しています</translation>
        </message>
        <message>
            <source>Qt's TLS backend plugin (the OpenSSL backend, libqopensslbackend.so in Qt's plugins/tls folder) could not be loaded, so Tsunagi cannot make SSL/TLS connections.</source>
            <translation>Qt の TLS バックエンドプラグイン (OpenSSL バックエンド。Qt の plugins/tls フォルダーにある libqopensslbackend.so) を読み込めなかったため、Tsunagi は SSL/TLS 接続を確立できません。</translation>
        </message>
        <message>
            <source>Qt's TLS backend plugin is damaged or missing.</source>
            <translation>Qt の TLS バックエンドプラグインが破損しているか、存在しません。</translation>
        </message>
        <message>
            <source>Repair the installation with the package manager: sudo apt install --reinstall libqt6network6 (the package that contains Qt's TLS backend plugins), then reinstall Tsunagi's package if the problem remains.</source>
            <translation>パッケージマネージャーでインストールを修復してください。sudo apt install --reinstall libqt6network6 (Qt の TLS バックエンドプラグインを含むパッケージ) を実行し、それでも問題が解決しない場合は Tsunagi のパッケージを再インストールします。</translation>
        </message>
        <message>
            <source>The required cryptographic libraries are missing or damaged</source>
            <translation>必要な暗号ライブラリが存在しないか、破損しています</translation>
        </message>
        <message>
            <source>One or more of the OpenSSL libraries (libssl and libcrypto) that SSL/TLS connections need are missing from this system or cannot be used.</source>
            <translation>SSL/TLS 接続に必要な OpenSSL のライブラリ (libssl と libcrypto) のうち 1 つ以上が、このシステムに存在しないか使用できません。</translation>
        </message>
        <message>
            <source>One or more of the OpenSSL libraries on this system are damaged (the files were changed, or corrupted by an unexpected error), or some or all of the required libraries are missing: the system may be too old or too minimal to provide OpenSSL 3.</source>
            <translation>このシステムにある OpenSSL のライブラリのうち 1 つ以上が破損している (ファイルが変更されたか、予期しないエラーにより破損した) か、必要なライブラリの一部またはすべてが存在しません。OpenSSL 3 を提供できない古いシステムや最小構成のシステムを使用している可能性があります。</translation>
        </message>
        <message>
            <source>A required OpenSSL security module is missing or damaged</source>
            <translation>必要な OpenSSL のセキュリティモジュールが存在しないか、破損しています</translation>
        </message>
        <message>
            <source>An OpenSSL provider module that this profile's settings need (such as the FIPS provider for FIPS mode) could not be loaded on this computer.</source>
            <translation>このプロファイルの設定に必要な OpenSSL のプロバイダーモジュール (FIPS モード用の FIPS プロバイダーなど) を、このコンピューターで読み込めませんでした。</translation>
        </message>
        <message>
            <source>The provider module (for example fips.so in OpenSSL's ossl-modules folder) is damaged, was changed, or is not installed, or OpenSSL's configuration (/etc/ssl/openssl.cnf) does not enable it.</source>
            <translation>プロバイダーモジュール (OpenSSL の ossl-modules フォルダーにある fips.so など) が破損しているか、変更されたか、インストールされていません。または、OpenSSL の構成 (/etc/ssl/openssl.cnf) で有効になっていません。</translation>
        </message>
        <message>
            <source>Install or repair the provider module and enable it in /etc/ssl/openssl.cnf (a FIPS provider is installed with openssl fipsinstall); check the result with: openssl list -providers. If you do not need FIPS mode, turn it off in Security Properties &gt; SSL/TLS.</source>
            <translation>プロバイダーモジュールをインストールまたは修復し、/etc/ssl/openssl.cnf で有効にしてください (FIPS プロバイダーは openssl fipsinstall でインストールします)。結果は openssl list -providers で確認できます。FIPS モードが不要な場合は、「セキュリティのプロパティ」&gt;「SSL/TLS」で FIPS モードをオフにしてください。</translation>
        </message>
        <message>
            <source>The system certificate store is missing or damaged</source>
            <translation>システムの証明書ストアが存在しないか、破損しています</translation>
        </message>
        <message>
            <source>This profile trusts the system certificate store, but no certificate could be read from it, so no host certificate can be verified against it.</source>
            <translation>このプロファイルはシステムの証明書ストアを信頼するように設定されていますが、そこから証明書を 1 つも読み込めなかったため、ホストの証明書を検証できません。</translation>
        </message>
        <message>
            <source>The system's CA certificates (/etc/ssl/certs, from the ca-certificates package) are missing or empty; files of the operating system are seriously damaged.</source>
            <translation>システムの CA 証明書 (ca-certificates パッケージが提供する /etc/ssl/certs) が存在しないか、空です。オペレーティングシステムのファイルが著しく破損しています。</translation>
        </message>
        <message>
            <source>Reinstall the system certificate store: sudo apt install --reinstall ca-certificates, then sudo update-ca-certificates --fresh</source>
            <translation>システムの証明書ストアを再インストールしてください (sudo apt install --reinstall ca-certificates を実行した後、sudo update-ca-certificates --fresh を実行します)。</translation>
        </message>
        <message>
            <source>Until it is repaired, set Trust source to Tsunagi's trust store in Security Properties &gt; SSL/TLS &gt; Configure PKI… and import the CA certificates you need.</source>
            <translation>修復が済むまでは、「セキュリティのプロパティ」&gt;「SSL/TLS」&gt;「PKI の構成...」で「信頼する証明書の格納場所」を Tsunagi の証明書ストアに設定し、必要な CA 証明書をインポートしてください。</translation>
        </message>
        <message>
            <source>If that does not help, reinstall the operating system.</source>
            <translation>それでも解決しない場合は、オペレーティングシステムを再インストールしてください。</translation>
        </message>
        <message>
            <source>The host's certificate has changed</source>
            <translation>ホストの証明書が変更されています</translation>
        </message>
        <message>
            <source>The certificate the host presented is not the one you trusted (pinned) for this profile. The host may have a new certificate, or someone may be intercepting the connection.</source>
            <translation>ホストが提示した証明書は、このプロファイルで信頼した (固定した) 証明書ではありません。ホストの証明書が新しくなったか、第三者が接続を傍受している可能性があります。</translation>
        </message>
        <message>
            <source>The SHA-256 fingerprint of the host's certificate differs from the pinned certificate of this profile.</source>
            <translation>ホストの証明書の SHA-256 フィンガープリントが、このプロファイルの固定した証明書と異なります。</translation>
        </message>
        <message>
            <source>Do not trust the new certificate until the host's administrator has confirmed its SHA-256 fingerprint.</source>
            <translation>ホストの管理者が SHA-256 フィンガープリントを確認するまで、新しい証明書を信頼しないでください。</translation>
        </message>
        <message>
            <source>If the administrator confirms it, remove the old pinned certificate in Security Properties &gt; SSL/TLS &gt; Configure PKI… and trust the new certificate for this profile.</source>
            <translation>管理者が新しい証明書を確認したら、「セキュリティのプロパティ」&gt;「SSL/TLS」&gt;「PKI の構成...」で古い固定した証明書を削除し、新しい証明書をこのプロファイルで信頼してください。</translation>
        </message>
        <message>
            <source>The host refused the connection</source>
            <translation>ホストが接続を拒否しました</translation>
        </message>
        <message>
            <source>The host was reached, but nothing accepts connections on that port.</source>
            <translation>ホストには到達しましたが、そのポートで接続を受け付けているサービスがありません。</translation>
        </message>
        <message>
            <source>No service is listening on that port of the host, or a firewall rejects the connection.</source>
            <translation>ホストのそのポートで待ち受けているサービスがないか、ファイアウォールが接続を拒否しています。</translation>
        </message>
        <message>
            <source>Check the host name and port of the profile. Tsunagi's default is port 992 for Telnet over TLS and port 23 for plain Telnet.</source>
            <translation>プロファイルのホスト名とポートを確認してください。Tsunagi の既定値は、TLS を使用する Telnet ではポート 992、通常の Telnet ではポート 23 です。</translation>
        </message>
        <message>
            <source>Ask the host's system administrator whether the service is running.</source>
            <translation>サービスが動作しているかどうかを、ホストのシステム管理者に確認してください。</translation>
        </message>
        <message>
            <source>The host name could not be found</source>
            <translation>ホスト名が見つかりませんでした</translation>
        </message>
        <message>
            <source>The host name could not be resolved to a network address.</source>
            <translation>ホスト名をネットワークアドレスに解決できませんでした。</translation>
        </message>
        <message>
            <source>The name is misspelled or does not exist, or the name service (DNS) cannot be reached from this computer.</source>
            <translation>名前のつづりが誤っているか存在しない名前です。または、このコンピューターから名前解決サービス (DNS) に到達できません。</translation>
        </message>
        <message>
            <source>Check the spelling of the host name in the profile; try the full host name (such as "myhost.domain.com").</source>
            <translation>プロファイルのホスト名のつづりを確認してください。完全なホスト名 (「myhost.domain.com」など) も試してください。</translation>
        </message>
        <message>
            <source>Check that this computer is connected to the network (and to the VPN, if the host is only reachable through one), or ask your network administrator.</source>
            <translation>このコンピューターがネットワーク (ホストに VPN 経由でしか到達できない場合は VPN) に接続されていることを確認するか、ネットワーク管理者にお問い合わせください。</translation>
        </message>
        <message>
            <source>The host's network cannot be reached</source>
            <translation>ホストのネットワークに到達できません</translation>
        </message>
        <message>
            <source>This computer has no network route to the host.</source>
            <translation>このコンピューターからホストへのネットワーク経路がありません。</translation>
        </message>
        <message>
            <source>This computer is offline, a VPN is not connected, or a router or firewall has no route to the host.</source>
            <translation>このコンピューターがオフラインであるか、VPN に接続されていないか、ルーターまたはファイアウォールにホストへの経路がありません。</translation>
        </message>
        <message>
            <source>Check the host name or address of the profile.</source>
            <translation>プロファイルのホスト名またはアドレスを確認してください。</translation>
        </message>
        <message>
            <source>The connection to the host timed out</source>
            <translation>ホストへの接続がタイムアウトしました</translation>
        </message>
        <message>
            <source>The host did not answer the TCP connection within the time allowed.</source>
            <translation>ホストが制限時間内に TCP 接続に応答しませんでした。</translation>
        </message>
        <message>
            <source>The host is down or overloaded, or a firewall silently drops connections to that port.</source>
            <translation>ホストが停止しているか過負荷の状態であるか、ファイアウォールがそのポートへの接続を通知なしに破棄しています。</translation>
        </message>
        <message>
            <source>Check the host name and port of the profile.</source>
            <translation>プロファイルのホスト名とポートを確認してください。</translation>
        </message>
        <message>
            <source>The connection was lost</source>
            <translation>接続が切断されました</translation>
        </message>
        <message>
            <source>The session was established, and then the host or the network closed it.</source>
            <translation>セッションの確立後に、ホストまたはネットワークによって接続が切断されました。</translation>
        </message>
        <message>
            <source>The host closed the session: it ended the session, logged you out, or restarted.</source>
            <translation>ホストがセッションを終了しました。ホストによるセッションの終了、ログアウト、または再起動が考えられます。</translation>
        </message>
        <message>
            <source>The network failed while the session was open.</source>
            <translation>セッション中にネットワークで障害が発生しました。</translation>
        </message>
        <message>
            <source>Connect again.</source>
            <translation>もう一度接続してください。</translation>
        </message>
        <message>
            <source>If the connection keeps being lost, ask the host's or the network's administrator.</source>
            <translation>接続の切断が繰り返される場合は、ホストまたはネットワークの管理者にお問い合わせください。</translation>
        </message>
        <message>
            <source>The security proxy cannot be reached</source>
            <translation>セキュリティプロキシに到達できません</translation>
        </message>
        <message>
            <source>The security proxy set in Security Properties could not be reached, so the connection to the host was not attempted.</source>
            <translation>「セキュリティのプロパティ」で設定したセキュリティプロキシに到達できなかったため、ホストへの接続は試行されませんでした。</translation>
        </message>
        <message>
            <source>Nothing accepts connections at the proxy's address and port.</source>
            <translation>プロキシのアドレスとポートで接続を受け付けているサービスがありません。</translation>
        </message>
        <message>
            <source>The proxy's host name could not be resolved.</source>
            <translation>プロキシのホスト名を解決できませんでした。</translation>
        </message>
        <message>
            <source>Check the security proxy's host name and port in Security Properties &gt; SSL/TLS.</source>
            <translation>「セキュリティのプロパティ」&gt;「SSL/TLS」で、セキュリティプロキシのホスト名とポートを確認してください。</translation>
        </message>
        <message>
            <source>Security Properties &gt; SSL/TLS &gt; Use SSL/TLS security</source>
            <translation>セキュリティのプロパティ &gt; SSL/TLS &gt; SSL/TLS セキュリティを使用する</translation>
        </message>
        <message>
            <source>Security Properties &gt; SSL/TLS &gt; Encryption strength</source>
            <translation>セキュリティのプロパティ &gt; SSL/TLS &gt; 暗号化レベル</translation>
        </message>
        <message>
            <source>Security Properties &gt; SSL/TLS &gt; TLS version</source>
            <translation>セキュリティのプロパティ &gt; SSL/TLS &gt; TLS のバージョン</translation>
        </message>
        <message>
            <source>Security Properties &gt; SSL/TLS &gt; FIPS mode</source>
            <translation>セキュリティのプロパティ &gt; SSL/TLS &gt; FIPS モード</translation>
        </message>
        <message>
            <source>Security Properties &gt; SSL/TLS &gt; Security proxy</source>
            <translation>セキュリティのプロパティ &gt; SSL/TLS &gt; セキュリティプロキシ</translation>
        </message>
        <message>
            <source>Security Properties &gt; SSL/TLS &gt; Configure PKI… &gt; Trust source</source>
            <translation>セキュリティのプロパティ &gt; SSL/TLS &gt; PKI の構成... &gt; 信頼する証明書の格納場所</translation>
        </message>
        <message>
            <source>Security Properties &gt; SSL/TLS &gt; Configure PKI… &gt; Verify that the certificate host name matches the target host name</source>
            <translation>セキュリティのプロパティ &gt; SSL/TLS &gt; PKI の構成... &gt; 証明書のホスト名が接続先のホスト名と一致することを確認する</translation>
        </message>
        <message>
            <source>Security Properties &gt; SSL/TLS &gt; Configure PKI… &gt; Client certificate</source>
            <translation>セキュリティのプロパティ &gt; SSL/TLS &gt; PKI の構成... &gt; クライアント証明書</translation>
        </message>
        <message>
            <source>Security Properties &gt; SSL/TLS &gt; Configure PKI… &gt; Revocation checking</source>
            <translation>セキュリティのプロパティ &gt; SSL/TLS &gt; PKI の構成... &gt; 証明書失効の確認</translation>
        </message>
        <message>
            <source>Security Properties &gt; SSL/TLS &gt; Configure PKI… &gt; Pinned certificates</source>
            <translation>セキュリティのプロパティ &gt; SSL/TLS &gt; PKI の構成... &gt; 固定した証明書</translation>
        </message>
        <message>
            <source>Profile &gt; Host name</source>
            <translation>プロファイル &gt; ホスト名</translation>
        </message>
        <message>
            <source>Profile &gt; Port</source>
            <translation>プロファイル &gt; ポート</translation>
        </message>
        <message>
            <source>If your client certificate contains both the public key and the private key (a PKCS#12 file), import it into Tsunagi's personal store: Security Properties &gt; SSL/TLS &gt; Configure PKI… &gt; Client certificate. A PEM certificate is used together with its PEM private key file.</source>
            <translation>クライアント証明書に公開鍵と秘密鍵の両方が含まれている場合 (PKCS#12 ファイル) は、「セキュリティのプロパティ」&gt;「SSL/TLS」&gt;「PKI の構成...」&gt;「クライアント証明書」で、Tsunagi の個人用ストアにインポートしてください。PEM 形式の証明書は、PEM 形式の秘密鍵ファイルと組み合わせて使用します。</translation>
        </message>
    </context>
    <context>
        <name>ErrorDialog</name>
        <message>
            <source>Connection failed</source>
            <translation>接続に失敗しました</translation>
        </message>
        <message>
            <source>Connected</source>
            <translation>接続しました</translation>
        </message>
        <message>
            <source>Detected cause</source>
            <translation>検出された原因</translation>
        </message>
        <message>
            <source>Other possible causes</source>
            <translation>その他の考えられる原因</translation>
        </message>
        <message>
            <source>Possible causes</source>
            <translation>考えられる原因</translation>
        </message>
        <message>
            <source>Steps to fix</source>
            <translation>対処方法</translation>
        </message>
        <message>
            <source>Technical details</source>
            <translation>技術的な詳細</translation>
        </message>
        <message>
            <source>Connect to %1 instead</source>
            <translation>代わりに %1 に接続</translation>
        </message>
        <message>
            <source>Open Security Properties</source>
            <translation>セキュリティのプロパティを開く</translation>
        </message>
        <message>
            <source>Edit Profile</source>
            <translation>プロファイルを編集</translation>
        </message>
        <message>
            <source>View Certificate</source>
            <translation>証明書を表示</translation>
        </message>
        <message>
            <source>Trust This Certificate for This Profile…</source>
            <translation>この証明書をこのプロファイルで信頼...</translation>
        </message>
        <message>
            <source>Trust this certificate for this profile only? Compare its SHA-256 fingerprint with the one the host's administrator gives you:
%1</source>
            <translation>この証明書をこのプロファイルに限って信頼しますか? SHA-256 フィンガープリントを、ホストの管理者から伝えられた値と照合してください。
%1</translation>
        </message>
        <message>
            <source>Trust</source>
            <translation>信頼する</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>キャンセル</translation>
        </message>
        <message>
            <source>Retry</source>
            <translation>再試行</translation>
        </message>
        <message>
            <source>Copy for Support</source>
            <translation>サポート用にコピー</translation>
        </message>
        <message>
            <source>The report was copied in English and Japanese.</source>
            <translation>レポートを英語と日本語でコピーしました。</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>閉じる</translation>
        </message>
        <message>
            <source>Opens: %1</source>
            <translation>%1 を開きます。</translation>
        </message>
        <message>
            <source>Show this error in the other language (the application's language stays)</source>
            <translation>このエラーをもう一方の言語で表示します (アプリケーションの言語は変わりません)</translation>
        </message>
    </context>
    <context>
        <name>ListCommand</name>
        <message>
            <source>Usage: tsunagi [--connect NAME|ID|URL] [--lang ja|en] [--config-dir DIR] [--list [--names-only]]
       tsunagi --diagnose TARGET [options] [--json] [--lang ja|en]
Run tsunagi --help for more.
</source>
            <translation>使用法: tsunagi [--connect NAME|ID|URL] [--lang ja|en] [--config-dir DIR] [--list [--names-only]]
        tsunagi --diagnose TARGET [options] [--json] [--lang ja|en]
詳しくは tsunagi --help を実行してください。
</translation>
        </message>
        <message>
            <source>Unexpected argument: %1</source>
            <translation>予期しない引数です: %1</translation>
        </message>
        <message>
            <source>Folder</source>
            <translation>フォルダー</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>名前</translation>
        </message>
        <message>
            <source>Host</source>
            <translation>ホスト名</translation>
        </message>
        <message>
            <source>Port</source>
            <translation>ポート</translation>
        </message>
        <message>
            <source>Protocol</source>
            <translation>プロトコル</translation>
        </message>
        <message>
            <source>SSL/TLS</source>
            <translation>SSL/TLS</translation>
        </message>
        <message>
            <source>on</source>
            <translation>有効</translation>
        </message>
        <message>
            <source>off</source>
            <translation>無効</translation>
        </message>
        <message>
            <source>No profiles are saved in %1.</source>
            <translation>%1 に保存されているプロファイルはありません。</translation>
        </message>
        <message>
            <source>Usage: tsunagi [--connect NAME|ID|URL] [--lang ja|en] [--config-dir DIR] [--list [--names-only]]
       tsunagi --diagnose TARGET [options] [--json] [--lang ja|en]

  --connect NAME|ID|URL  open a session: a profile's Folder/Name, its id, or a
                         telnet:// or telnets:// URL
  --list                 print the saved profiles as a table
  --names-only           with --list: print one Folder/Name per line
  --config-dir DIR       keep the profile store and settings in DIR
  --lang ja|en           language of the window and of messages
  --demo                 start the demo lab and add its Demo folder of profiles
  --diagnose TARGET      try one connection and explain the result
  --version              print the version
  --help                 print this help
</source>
            <translation>使用法: tsunagi [--connect NAME|ID|URL] [--lang ja|en] [--config-dir DIR] [--list [--names-only]]
        tsunagi --diagnose TARGET [options] [--json] [--lang ja|en]

  --connect NAME|ID|URL  セッションを開きます。プロファイルの「フォルダー/名前」、ID、
                         または telnet:// か telnets:// の URL を指定します
  --list                 保存されているプロファイルを表形式で表示します
  --names-only           --list と併用し、1 行に 1 つずつ「フォルダー/名前」を表示します
  --config-dir DIR       プロファイルの保存ファイルと設定を DIR に保存します
  --lang ja|en           ウィンドウとメッセージの言語を指定します
  --demo                 デモラボを起動し、デモ用のプロファイルを収めた Demo フォルダーを追加します
  --diagnose TARGET      接続を 1 回試行し、結果を説明します
  --version              バージョンを表示します
  --help                 このヘルプを表示します
</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Turn Off SSL/TLS</source>
            <translation>SSL/TLS をオフにする</translation>
        </message>
        <message>
            <source>Without SSL/TLS, everything sent in this session, including user names and passwords, travels over the network unencrypted and can be read by others.

Connect without SSL/TLS security?</source>
            <translation>SSL/TLS を使用しないと、ユーザー名やパスワードを含め、このセッションで送信するすべてのデータが暗号化されずにネットワークを流れ、第三者に読み取られるおそれがあります。

SSL/TLS セキュリティを使用せずに接続しますか?</translation>
        </message>
        <message>
            <source>Tsunagi</source>
            <translation>Tsunagi</translation>
        </message>
        <message>
            <source>&amp;New Session...</source>
            <translation>新しいセッション(&amp;N)...</translation>
        </message>
        <message>
            <source>Create a session profile</source>
            <translation>セッションのプロファイルを作成します</translation>
        </message>
        <message>
            <source>New &amp;Folder...</source>
            <translation>新しいフォルダー(&amp;F)...</translation>
        </message>
        <message>
            <source>Create a folder in the session tree</source>
            <translation>セッション ツリーにフォルダーを作成します</translation>
        </message>
        <message>
            <source>&amp;Open Session</source>
            <translation>セッションを開く(&amp;O)</translation>
        </message>
        <message>
            <source>Open the selected session in a new tab</source>
            <translation>選択したセッションを新しいタブで開きます</translation>
        </message>
        <message>
            <source>&amp;Edit Session...</source>
            <translation>セッションの編集(&amp;E)...</translation>
        </message>
        <message>
            <source>Edit the selected session profile</source>
            <translation>選択したセッションのプロファイルを編集します</translation>
        </message>
        <message>
            <source>D&amp;uplicate</source>
            <translation>複製(&amp;U)</translation>
        </message>
        <message>
            <source>Make a copy of the selected session profile</source>
            <translation>選択したセッションのプロファイルを複製します</translation>
        </message>
        <message>
            <source>&amp;Rename</source>
            <translation>名前の変更(&amp;R)</translation>
        </message>
        <message>
            <source>Rename the selected session or folder</source>
            <translation>選択したセッションまたはフォルダーの名前を変更します</translation>
        </message>
        <message>
            <source>&amp;Delete</source>
            <translation>削除(&amp;D)</translation>
        </message>
        <message>
            <source>Delete the selected sessions and folders</source>
            <translation>選択したセッションとフォルダーを削除します</translation>
        </message>
        <message>
            <source>Security &amp;Properties...</source>
            <translation>セキュリティのプロパティ(&amp;P)...</translation>
        </message>
        <message>
            <source>Edit the SSL/TLS settings of the selected session</source>
            <translation>選択したセッションの SSL/TLS の設定を編集します</translation>
        </message>
        <message>
            <source>&amp;Quick Connect</source>
            <translation>クイック接続(&amp;Q)</translation>
        </message>
        <message>
            <source>Connect to a host without saving a profile</source>
            <translation>プロファイルを保存せずにホストに接続します</translation>
        </message>
        <message>
            <source>&amp;Import...</source>
            <translation>インポート(&amp;I)...</translation>
        </message>
        <message>
            <source>Import sessions from a Tsunagi export or a PuTTY .reg file</source>
            <translation>Tsunagi のエクスポート ファイルまたは PuTTY の .reg ファイルからセッションをインポートします</translation>
        </message>
        <message>
            <source>E&amp;xport...</source>
            <translation>エクスポート(&amp;X)...</translation>
        </message>
        <message>
            <source>Export the selected sessions and folders to a file</source>
            <translation>選択したセッションとフォルダーをファイルにエクスポートします</translation>
        </message>
        <message>
            <source>&amp;Close Tab</source>
            <translation>タブを閉じる(&amp;C)</translation>
        </message>
        <message>
            <source>Close the current session tab</source>
            <translation>現在のセッションのタブを閉じます</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>終了(&amp;Q)</translation>
        </message>
        <message>
            <source>Quit Tsunagi</source>
            <translation>Tsunagi の終了</translation>
        </message>
        <message>
            <source>&amp;About Tsunagi</source>
            <translation>Tsunagi について(&amp;A)</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>ファイル(&amp;F)</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>編集(&amp;E)</translation>
        </message>
        <message>
            <source>&amp;Session</source>
            <translation>セッション(&amp;S)</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>表示(&amp;V)</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>言語(&amp;L)</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>ヘルプ(&amp;H)</translation>
        </message>
        <message>
            <source>Main Toolbar</source>
            <translation>メイン ツールバー</translation>
        </message>
        <message>
            <source>Quick Connect</source>
            <translation>クイック接続</translation>
        </message>
        <message>
            <source>&amp;Quick Connect:</source>
            <translation>クイック接続(&amp;Q):</translation>
        </message>
        <message>
            <source>host[:port] or telnets://host:port</source>
            <translation>ホスト名[:ポート] または telnets://ホスト名:ポート</translation>
        </message>
        <message>
            <source>A host name or address with an optional port, or a telnet:// or telnets:// address. Press Enter to connect.</source>
            <translation>ホスト名またはアドレス (ポートは省略可能)、あるいは telnet:// か telnets:// で始まるアドレスを入力し、Enter キーを押すと接続します。</translation>
        </message>
        <message>
            <source>SSL/&amp;TLS</source>
            <translation>SSL/&amp;TLS</translation>
        </message>
        <message>
            <source>Use SSL/TLS security (ignored when the address starts with telnet:// or telnets://)</source>
            <translation>SSL/TLS セキュリティを使用します (アドレスが telnet:// または telnets:// で始まる場合はアドレスの指定に従います)</translation>
        </message>
        <message>
            <source>Connect</source>
            <translation>接続</translation>
        </message>
        <message>
            <source>Sessions</source>
            <translation>セッション</translation>
        </message>
        <message>
            <source>Filter by name, folder or host</source>
            <translation>名前、フォルダー、ホストで絞り込み</translation>
        </message>
        <message>
            <source>Filter sessions</source>
            <translation>セッションの絞り込み</translation>
        </message>
        <message>
            <source>Double-click a session to open it, or type a host in Quick Connect.</source>
            <translation>セッションをダブルクリックして開くか、クイック接続にホストを入力してください。</translation>
        </message>
        <message>
            <source>&amp;Undo %1</source>
            <translation>元に戻す(&amp;U): %1</translation>
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation>元に戻す(&amp;U)</translation>
        </message>
        <message>
            <source>&amp;Redo %1</source>
            <translation>やり直し(&amp;R): %1</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>やり直し(&amp;R)</translation>
        </message>
        <message>
            <source>The session could not be duplicated.</source>
            <translation>セッションを複製できませんでした。</translation>
        </message>
        <message>
            <source>Delete the session "%1"?</source>
            <translation>セッション「%1」を削除しますか?</translation>
        </message>
        <message>
            <source>Delete the folder "%1" and every session in it?</source>
            <translation>フォルダー「%1」と、その中のすべてのセッションを削除しますか?</translation>
        </message>
        <message numerus="yes">
            <source>Delete %n selected item(s)? Folders are deleted with every session in them.</source>
            <translation>
                <numerusform>選択した %n 個の項目を削除しますか? フォルダーは中のすべてのセッションとともに削除されます。</numerusform>
            </translation>
        </message>
        <message>
            <source>You can undo this with Edit &gt; Undo (Ctrl+Z).</source>
            <translation>この操作は [編集] &gt; [元に戻す] (Ctrl+Z) で取り消せます。</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>削除</translation>
        </message>
        <message>
            <source>Delete "%1"</source>
            <translation>「%1」の削除</translation>
        </message>
        <message numerus="yes">
            <source>Delete %n item(s)</source>
            <translation>
                <numerusform>%n 個の項目の削除</numerusform>
            </translation>
        </message>
        <message>
            <source>New Folder</source>
            <translation>新しいフォルダー</translation>
        </message>
        <message>
            <source>Name of the new folder:</source>
            <translation>新しいフォルダーの名前:</translation>
        </message>
        <message>
            <source>Name of the new folder in "%1":</source>
            <translation>「%1」に作成するフォルダーの名前:</translation>
        </message>
        <message>
            <source>This session has no saved profile. Save it as a session to change its Security Properties.</source>
            <translation>このセッションには保存されたプロファイルがありません。セキュリティのプロパティを変更するには、セッションとして保存してください。</translation>
        </message>
        <message>
            <source>Security Properties: %1</source>
            <translation>セキュリティのプロパティ: %1</translation>
        </message>
        <message>
            <source>This session has no saved profile, so the certificate cannot be remembered for it. Save the session first.</source>
            <translation>このセッションには保存されたプロファイルがないため、証明書を記憶できません。先にセッションを保存してください。</translation>
        </message>
        <message>
            <source>The session link cannot be used: %1</source>
            <translation>セッションリンクを使用できません: %1</translation>
        </message>
        <message>
            <source>The session link has expired. Ask for a new link and open it again.</source>
            <translation>セッションリンクの有効期限が切れています。新しいリンクを入手して、もう一度開いてください。</translation>
        </message>
        <message>
            <source>There is no session named "%1".</source>
            <translation>「%1」という名前のセッションはありません。</translation>
        </message>
        <message>
            <source>it is not a tsunagi://connect address.</source>
            <translation>tsunagi://connect のアドレスではありません。</translation>
        </message>
        <message>
            <source>it does not name a host.</source>
            <translation>ホストが指定されていません。</translation>
        </message>
        <message>
            <source>its port is not a number from 1 to 65535.</source>
            <translation>ポートが 1 から 65535 までの数値ではありません。</translation>
        </message>
        <message>
            <source>its tls value must be 1, 0, true or false.</source>
            <translation>tls の値は 1、0、true、false のいずれかである必要があります。</translation>
        </message>
        <message>
            <source>its security proxy is not HOST:PORT.</source>
            <translation>セキュリティプロキシが「ホスト名:ポート」の形式ではありません。</translation>
        </message>
        <message>
            <source>its expiry time cannot be read.</source>
            <translation>有効期限を読み取れません。</translation>
        </message>
        <message>
            <source>Import Sessions</source>
            <translation>セッションのインポート</translation>
        </message>
        <message>
            <source>Tsunagi export or PuTTY registry file (*.json *.reg)</source>
            <translation>Tsunagi のエクスポート ファイルまたは PuTTY のレジストリ ファイル (*.json *.reg)</translation>
        </message>
        <message>
            <source>Tsunagi export (*.json)</source>
            <translation>Tsunagi のエクスポート ファイル (*.json)</translation>
        </message>
        <message>
            <source>PuTTY registry export (*.reg)</source>
            <translation>PuTTY のレジストリ エクスポート (*.reg)</translation>
        </message>
        <message>
            <source>All files (*)</source>
            <translation>すべてのファイル (*)</translation>
        </message>
        <message>
            <source>Export Sessions</source>
            <translation>セッションのエクスポート</translation>
        </message>
        <message numerus="yes">
            <source>Imported %n session(s) from %1.</source>
            <translation>
                <numerusform>%1 から %n 個のセッションをインポートしました。</numerusform>
            </translation>
        </message>
        <message>
            <source>Renamed because the name was taken: %1</source>
            <translation>名前が既に使われていたため名前を変更しました: %1</translation>
        </message>
        <message>
            <source>Skipped "%1": %2</source>
            <translation>「%1」をスキップしました: %2</translation>
        </message>
        <message numerus="yes">
            <source>Exported %n session(s) to %1.</source>
            <translation>
                <numerusform>%n 個のセッションを %1 にエクスポートしました。</numerusform>
            </translation>
        </message>
        <message>
            <source>The session list could not be read, so Tsunagi started without it. The file was not changed.</source>
            <translation>セッションの一覧を読み込めなかったため、一覧なしで Tsunagi を起動しました。ファイルは変更していません。</translation>
        </message>
        <message>
            <source>A copy was kept as %1.</source>
            <translation>コピーを %1 として保存しました。</translation>
        </message>
        <message>
            <source>Start with an Empty List</source>
            <translation>空の一覧で開始</translation>
        </message>
        <message>
            <source>Tsunagi now saves a new session list. The damaged file was moved aside, not deleted.</source>
            <translation>これからは新しいセッションの一覧を保存します。破損したファイルは削除せず、別の名前で残しました。</translation>
        </message>
        <message>
            <source>Keep the damaged file and save new sessions to a fresh list</source>
            <translation>破損したファイルを残したまま、新しい一覧にセッションを保存します</translation>
        </message>
        <message>
            <source>File: %1</source>
            <translation>ファイル: %1</translation>
        </message>
        <message>
            <source>Line %1, column %2 (byte offset %3)</source>
            <translation>%1 行目、%2 桁目 (バイト オフセット %3)</translation>
        </message>
        <message>
            <source>Field: %1</source>
            <translation>項目: %1</translation>
        </message>
        <message>
            <source>Details...</source>
            <translation>詳細...</translation>
        </message>
        <message>
            <source>Session List Problem</source>
            <translation>セッションの一覧の問題</translation>
        </message>
        <message>
            <source>The session list could not be read.</source>
            <translation>セッションの一覧を読み込めませんでした。</translation>
        </message>
        <message>
            <source>About Tsunagi</source>
            <translation>Tsunagi について</translation>
        </message>
        <message>
            <source>Tsunagi %1

A terminal connection manager: saved sessions, Telnet and raw TCP over SSL/TLS, and error messages that explain what went wrong and how to fix it.</source>
            <translation>Tsunagi %1

端末接続マネージャーです。セッションの保存、SSL/TLS による Telnet と Raw TCP の接続に対応し、エラーが発生したときは原因と対処方法を説明します。</translation>
        </message>
        <message numerus="yes">
            <source>%n session(s) are still connected. Disconnect them and quit?</source>
            <translation>
                <numerusform>%n 個のセッションがまだ接続されています。切断して終了しますか?</numerusform>
            </translation>
        </message>
        <message>
            <source>&amp;Ask Before Closing a Connected Session</source>
            <translation>接続中のセッションを閉じる前に確認する(&amp;A)</translation>
        </message>
        <message>
            <source>Ask before closing a tab or quitting while a session is still connected</source>
            <translation>セッションが接続中のときに、タブを閉じる前や終了する前に確認します</translation>
        </message>
        <message>
            <source>&amp;Options</source>
            <translation>オプション(&amp;O)</translation>
        </message>
        <message>
            <source>This session has no saved profile. Save it as a session to change its settings.</source>
            <translation>このセッションには保存されたプロファイルがありません。設定を変更するには、セッションとして保存してください。</translation>
        </message>
        <message>
            <source>Encrypted with %1 (%2). Click to see the certificate chain.</source>
            <translation>%1 (%2) で暗号化されています。クリックすると証明書チェーンを表示します。</translation>
        </message>
        <message>
            <source>Not encrypted yet.</source>
            <translation>まだ暗号化されていません。</translation>
        </message>
        <message>
            <source>&amp;Show the Error Dialog When a Connection Fails</source>
            <translation>接続に失敗したときにエラーダイアログを表示する(&amp;S)</translation>
        </message>
        <message>
            <source>Open the error dialog with the cause and the steps to fix it as soon as a connection fails (the session tab keeps the result either way)</source>
            <translation>接続に失敗したら、原因と対処方法を示すエラーダイアログをすぐに開きます (どちらの場合も、結果はセッションのタブに残ります)</translation>
        </message>
    </context>
    <context>
        <name>MessageBar</name>
        <message>
            <source>Close</source>
            <translation>閉じる</translation>
        </message>
        <message>
            <source>Close message</source>
            <translation>メッセージを閉じる</translation>
        </message>
        <message>
            <source>Alert</source>
            <translation>警告</translation>
        </message>
    </context>
    <context>
        <name>PkiConfigurationDialog</name>
        <message>
            <source>PKI Configuration</source>
            <translation>PKI の構成</translation>
        </message>
        <message>
            <source>&amp;Trust</source>
            <translation>信頼(&amp;T)</translation>
        </message>
        <message>
            <source>System certificate store and Tsunagi's trust store</source>
            <translation>システムの証明書ストアと Tsunagi の証明書ストア</translation>
        </message>
        <message>
            <source>System certificate store only</source>
            <translation>システムの証明書ストアのみ</translation>
        </message>
        <message>
            <source>Tsunagi's trust store only</source>
            <translation>Tsunagi の証明書ストアのみ</translation>
        </message>
        <message>
            <source>Which certificate authorities this profile trusts. Default: both stores.</source>
            <translation>このプロファイルが信頼する認証局です。既定値: 両方のストア。</translation>
        </message>
        <message>
            <source>&lt;p&gt;Which trusted certificate authorities (CAs) may vouch for the host's certificate:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;System certificate store&lt;/b&gt;: the CAs the operating system trusts.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Tsunagi's trust store&lt;/b&gt;: the CA certificates imported below, e.g. your organization's private CA.&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Default: both.&lt;/p&gt;</source>
            <translation>&lt;p&gt;ホストの証明書を保証できる信頼された認証局 (CA) を選択します。&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;システムの証明書ストア&lt;/b&gt;: オペレーティングシステムが信頼している CA です。&lt;/li&gt;&lt;li&gt;&lt;b&gt;Tsunagi の証明書ストア&lt;/b&gt;: 下の一覧にインポートした CA 証明書です (組織のプライベート CA など)。&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;既定値: 両方。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Trust &amp;source:</source>
            <translation>信頼する証明書の格納場所(&amp;S):</translation>
        </message>
        <message>
            <source>Trusted certificate authorities (CA) in Tsunagi's trust store:</source>
            <translation>Tsunagi の証明書ストアにある信頼された認証局 (CA):</translation>
        </message>
        <message>
            <source>Issued to</source>
            <translation>発行先</translation>
        </message>
        <message>
            <source>Issued by</source>
            <translation>発行者</translation>
        </message>
        <message>
            <source>Expires</source>
            <translation>有効期限</translation>
        </message>
        <message>
            <source>SHA-256 fingerprint</source>
            <translation>SHA-256 フィンガープリント</translation>
        </message>
        <message>
            <source>CA certificates imported into Tsunagi's trust store. Shared by every profile.</source>
            <translation>Tsunagi の証明書ストアにインポートした CA 証明書です。すべてのプロファイルで共有されます。</translation>
        </message>
        <message>
            <source>The trusted certificate authority (CA) certificates in Tsunagi's trust store. They are shared by every profile that trusts Tsunagi's trust store. Changes here take effect at once, even if you cancel this dialog.</source>
            <translation>Tsunagi の証明書ストアにある信頼された認証局 (CA) の証明書です。Tsunagi の証明書ストアを信頼するすべてのプロファイルで共有されます。ここでの変更は、このダイアログをキャンセルしても直ちに反映されます。</translation>
        </message>
        <message>
            <source>&amp;Import...</source>
            <translation>インポート(&amp;I)...</translation>
        </message>
        <message>
            <source>Add CA certificates from a PEM or DER file to Tsunagi's trust store.</source>
            <translation>PEM または DER 形式のファイルから CA 証明書を Tsunagi の証明書ストアに追加します。</translation>
        </message>
        <message>
            <source>Adds the CA certificates of a PEM or DER file to Tsunagi's trust store. Import only certificates you received from a source you trust, such as your administrator.</source>
            <translation>PEM または DER 形式のファイルに含まれる CA 証明書を Tsunagi の証明書ストアに追加します。管理者など、信頼できる提供元から受け取った証明書だけをインポートしてください。</translation>
        </message>
        <message>
            <source>&amp;View...</source>
            <translation>表示(&amp;V)...</translation>
        </message>
        <message>
            <source>Show the details of the selected certificate.</source>
            <translation>選択した証明書の詳細を表示します。</translation>
        </message>
        <message>
            <source>Shows the subject, issuer, validity, SHA-256 fingerprint and alternative names of the selected certificate.</source>
            <translation>選択した証明書の発行先、発行者、有効期間、SHA-256 フィンガープリント、代替名を表示します。</translation>
        </message>
        <message>
            <source>&amp;Remove</source>
            <translation>削除(&amp;R)</translation>
        </message>
        <message>
            <source>Remove the selected certificate from Tsunagi's trust store.</source>
            <translation>選択した証明書を Tsunagi の証明書ストアから削除します。</translation>
        </message>
        <message>
            <source>Removes the selected CA certificate from Tsunagi's trust store. Hosts whose certificates it issued are no longer trusted through it, in every profile.</source>
            <translation>選択した CA 証明書を Tsunagi の証明書ストアから削除します。すべてのプロファイルで、この CA が発行した証明書を持つホストはこの CA によって信頼されなくなります。</translation>
        </message>
        <message>
            <source>Import CA Certificates</source>
            <translation>CA 証明書のインポート</translation>
        </message>
        <message>
            <source>Certificates (*.pem *.crt *.cer *.der);;All files (*)</source>
            <translation>証明書 (*.pem *.crt *.cer *.der);;すべてのファイル (*)</translation>
        </message>
        <message>
            <source>&amp;Client Certificate</source>
            <translation>クライアント証明書(&amp;C)</translation>
        </message>
        <message>
            <source>None</source>
            <translation>なし</translation>
        </message>
        <message>
            <source>PKCS#12 file (.p12, .pfx)</source>
            <translation>PKCS#12 ファイル (.p12、.pfx)</translation>
        </message>
        <message>
            <source>PEM certificate and private key</source>
            <translation>PEM 形式の証明書と秘密鍵</translation>
        </message>
        <message>
            <source>The client certificate this profile presents to hosts that ask for one.</source>
            <translation>ホストから要求されたときに、このプロファイルが提示するクライアント証明書です。</translation>
        </message>
        <message>
            <source>&lt;p&gt;The client certificate Tsunagi presents when the host asks for one:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;None&lt;/b&gt;: present no certificate (the default).&lt;/li&gt;&lt;li&gt;&lt;b&gt;PKCS#12 file&lt;/b&gt;: a certificate and its private key in one file. Tsunagi imports a copy into its personal store, so the original may be moved later.&lt;/li&gt;&lt;li&gt;&lt;b&gt;PEM certificate and private key&lt;/b&gt;: two PEM files, used where they are.&lt;/li&gt;&lt;/ul&gt;</source>
            <translation>&lt;p&gt;ホストから要求されたときに Tsunagi が提示するクライアント証明書を選択します。&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;なし&lt;/b&gt;: 証明書を提示しません (既定値)。&lt;/li&gt;&lt;li&gt;&lt;b&gt;PKCS#12 ファイル&lt;/b&gt;: 証明書と秘密鍵を 1 つにまとめたファイルです。Tsunagi は個人用ストアにコピーをインポートするため、後で元のファイルを移動してもかまいません。&lt;/li&gt;&lt;li&gt;&lt;b&gt;PEM 形式の証明書と秘密鍵&lt;/b&gt;: 2 つの PEM ファイルを、その場所のまま使用します。&lt;/li&gt;&lt;/ul&gt;</translation>
        </message>
        <message>
            <source>The PKCS#12 file with the certificate and its private key.</source>
            <translation>証明書とその秘密鍵を含む PKCS#12 ファイルです。</translation>
        </message>
        <message>
            <source>The PKCS#12 file (.p12 or .pfx) holding the client certificate and its private key. On OK a copy is imported into Tsunagi's personal store.</source>
            <translation>クライアント証明書とその秘密鍵を含む PKCS#12 ファイル (.p12 または .pfx) です。[OK] をクリックすると、コピーが Tsunagi の個人用ストアにインポートされます。</translation>
        </message>
        <message>
            <source>Browse...</source>
            <translation>参照...</translation>
        </message>
        <message>
            <source>Choose the PKCS#12 file.</source>
            <translation>PKCS#12 ファイルを選択します。</translation>
        </message>
        <message>
            <source>Opens a file chooser for the PKCS#12 file.</source>
            <translation>PKCS#12 ファイルを選択するダイアログを開きます。</translation>
        </message>
        <message>
            <source>The client certificate, a PEM file.</source>
            <translation>クライアント証明書 (PEM ファイル) です。</translation>
        </message>
        <message>
            <source>The PEM file with the client certificate (and, optionally, the CA certificates that issued it).</source>
            <translation>クライアント証明書 (必要に応じて、それを発行した CA の証明書も) を含む PEM ファイルです。</translation>
        </message>
        <message>
            <source>Choose the certificate file.</source>
            <translation>証明書ファイルを選択します。</translation>
        </message>
        <message>
            <source>Opens a file chooser for the PEM certificate file.</source>
            <translation>PEM 形式の証明書ファイルを選択するダイアログを開きます。</translation>
        </message>
        <message>
            <source>The private key of the client certificate, a PEM file.</source>
            <translation>クライアント証明書の秘密鍵 (PEM ファイル) です。</translation>
        </message>
        <message>
            <source>The PEM file with the private key that belongs to the client certificate. Required with a PEM certificate.</source>
            <translation>クライアント証明書に対応する秘密鍵を含む PEM ファイルです。PEM 形式の証明書を使用する場合は必須です。</translation>
        </message>
        <message>
            <source>Choose the private key file.</source>
            <translation>秘密鍵ファイルを選択します。</translation>
        </message>
        <message>
            <source>Opens a file chooser for the PEM private key.</source>
            <translation>PEM 形式の秘密鍵を選択するダイアログを開きます。</translation>
        </message>
        <message>
            <source>The passphrase of the PKCS#12 file or private key; kept in the keychain.</source>
            <translation>PKCS#12 ファイルまたは秘密鍵のパスフレーズです。キーチェーンに保存されます。</translation>
        </message>
        <message>
            <source>The passphrase that protects the PKCS#12 file or the private key. Tsunagi keeps it in the keychain, never in the profile file. Leave it empty when the key has none.</source>
            <translation>PKCS#12 ファイルまたは秘密鍵を保護しているパスフレーズです。Tsunagi はこれをキーチェーンに保存し、プロファイルのファイルには保存しません。パスフレーズが設定されていない場合は空のままにしてください。</translation>
        </message>
        <message>
            <source>C&amp;heck</source>
            <translation>確認(&amp;H)</translation>
        </message>
        <message>
            <source>Read the certificate with the passphrase and show who it names.</source>
            <translation>パスフレーズを使って証明書を読み込み、その発行先を表示します。</translation>
        </message>
        <message>
            <source>Reads the client certificate and its key with the passphrase given, and shows its subject, issuer and expiry date, or why it cannot be used.</source>
            <translation>入力したパスフレーズでクライアント証明書とその秘密鍵を読み込み、発行先、発行者、有効期限を表示します。使用できない場合はその理由を表示します。</translation>
        </message>
        <message>
            <source>&amp;Type:</source>
            <translation>種類(&amp;T):</translation>
        </message>
        <message>
            <source>PKCS#&amp;12 file:</source>
            <translation>PKCS#12 ファイル(&amp;1):</translation>
        </message>
        <message>
            <source>C&amp;ertificate file:</source>
            <translation>証明書ファイル(&amp;E):</translation>
        </message>
        <message>
            <source>Private &amp;key file:</source>
            <translation>秘密鍵ファイル(&amp;K):</translation>
        </message>
        <message>
            <source>&amp;Passphrase:</source>
            <translation>パスフレーズ(&amp;P):</translation>
        </message>
        <message>
            <source>Choose PKCS#12 File</source>
            <translation>PKCS#12 ファイルの選択</translation>
        </message>
        <message>
            <source>PKCS#12 files (*.p12 *.pfx);;All files (*)</source>
            <translation>PKCS#12 ファイル (*.p12 *.pfx);;すべてのファイル (*)</translation>
        </message>
        <message>
            <source>Choose Certificate File</source>
            <translation>証明書ファイルの選択</translation>
        </message>
        <message>
            <source>PEM files (*.pem *.crt *.cer);;All files (*)</source>
            <translation>PEM ファイル (*.pem *.crt *.cer);;すべてのファイル (*)</translation>
        </message>
        <message>
            <source>Choose Private Key File</source>
            <translation>秘密鍵ファイルの選択</translation>
        </message>
        <message>
            <source>PEM files (*.pem *.key);;All files (*)</source>
            <translation>PEM ファイル (*.pem *.key);;すべてのファイル (*)</translation>
        </message>
        <message>
            <source>Re&amp;vocation</source>
            <translation>失効(&amp;V)</translation>
        </message>
        <message>
            <source>Off</source>
            <translation>オフ</translation>
        </message>
        <message>
            <source>OCSP</source>
            <translation>OCSP</translation>
        </message>
        <message>
            <source>CRL</source>
            <translation>CRL</translation>
        </message>
        <message>
            <source>How Tsunagi checks that the host's certificate has not been revoked. Default: Off.</source>
            <translation>ホストの証明書が失効していないことを確認する方法です。既定値: オフ。</translation>
        </message>
        <message>
            <source>&lt;p&gt;How Tsunagi checks that the host's certificate has not been revoked by its issuer:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Off&lt;/b&gt;: no check (the default).&lt;/li&gt;&lt;li&gt;&lt;b&gt;OCSP&lt;/b&gt;: asks the host for a stapled OCSP response; when none is stapled, asks the OCSP responder named in the certificate.&lt;/li&gt;&lt;li&gt;&lt;b&gt;CRL&lt;/b&gt;: looks the certificate up in the CRL files below and in the CRLs published at the certificate's distribution points.&lt;/li&gt;&lt;/ul&gt;</source>
            <translation>&lt;p&gt;ホストの証明書が発行者によって失効されていないことを確認する方法を選択します。&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;オフ&lt;/b&gt;: 確認しません (既定値)。&lt;/li&gt;&lt;li&gt;&lt;b&gt;OCSP&lt;/b&gt;: ホストに OCSP ステープリングの応答を要求します。ステープリングされていない場合は、証明書に記載された OCSP レスポンダーに問い合わせます。&lt;/li&gt;&lt;li&gt;&lt;b&gt;CRL&lt;/b&gt;: 下の CRL ファイルと、証明書の配布ポイントで公開されている CRL で証明書を照合します。&lt;/li&gt;&lt;/ul&gt;</translation>
        </message>
        <message>
            <source>Revocation &amp;checking:</source>
            <translation>証明書失効の確認(&amp;C):</translation>
        </message>
        <message>
            <source>CRL &amp;files:</source>
            <translation>CRL ファイル(&amp;F):</translation>
        </message>
        <message>
            <source>Certificate revocation lists (PEM or DER) consulted in CRL mode.</source>
            <translation>CRL モードで参照する証明書失効リスト (PEM または DER) です。</translation>
        </message>
        <message>
            <source>Certificate revocation list (CRL) files, PEM or DER, that Tsunagi consults in CRL mode in addition to the CRLs published at the certificate's distribution points.</source>
            <translation>CRL モードで、証明書の配布ポイントで公開されている CRL に加えて Tsunagi が参照する証明書失効リスト (CRL) ファイル (PEM または DER) です。</translation>
        </message>
        <message>
            <source>&amp;Add...</source>
            <translation>追加(&amp;A)...</translation>
        </message>
        <message>
            <source>Add a CRL file.</source>
            <translation>CRL ファイルを追加します。</translation>
        </message>
        <message>
            <source>Adds a certificate revocation list file (PEM or DER).</source>
            <translation>証明書失効リストのファイル (PEM または DER) を追加します。</translation>
        </message>
        <message>
            <source>Remove the selected CRL file from the list.</source>
            <translation>選択した CRL ファイルを一覧から削除します。</translation>
        </message>
        <message>
            <source>Removes the selected CRL file from the list. The file itself is not deleted.</source>
            <translation>選択した CRL ファイルを一覧から削除します。ファイル自体は削除されません。</translation>
        </message>
        <message>
            <source>Re&amp;quire a revocation answer</source>
            <translation>失効の確認結果を必須にする(&amp;Q)</translation>
        </message>
        <message>
            <source>Fail the connection when the revocation status cannot be found out.</source>
            <translation>失効状態を確認できない場合は接続を失敗させます。</translation>
        </message>
        <message>
            <source>When this is on, the connection fails if no revocation answer can be had (the OCSP responder cannot be reached, or no CRL covers the certificate). When it is off, such a connection goes ahead. Off by default.</source>
            <translation>オンにすると、失効の確認結果が得られない場合 (OCSP レスポンダーに接続できない、証明書に該当する CRL がないなど) に接続が失敗します。オフの場合は、そのまま接続を続けます。既定値はオフです。</translation>
        </message>
        <message>
            <source>Add CRL File</source>
            <translation>CRL ファイルの追加</translation>
        </message>
        <message>
            <source>Certificate revocation lists (*.crl *.pem *.der);;All files (*)</source>
            <translation>証明書失効リスト (*.crl *.pem *.der);;すべてのファイル (*)</translation>
        </message>
        <message>
            <source>&amp;Host Verification</source>
            <translation>ホストの検証(&amp;H)</translation>
        </message>
        <message>
            <source>V&amp;erify that the certificate host name matches the target host name</source>
            <translation>証明書のホスト名が接続先のホスト名と一致することを確認する(&amp;E)</translation>
        </message>
        <message>
            <source>Require the host's certificate to name the host you connect to. On by default.</source>
            <translation>ホストの証明書に接続先のホスト名が含まれていることを要求します。既定値はオンです。</translation>
        </message>
        <message>
            <source>When this is on, the host's certificate must name the host name or IP address you connect to. Turning it off lets any host with a trusted certificate, for any name, pose as this host; connect by a name the certificate contains instead. On by default.</source>
            <translation>オンにすると、ホストの証明書に接続先のホスト名または IP アドレスが含まれている必要があります。オフにすると、どの名前で発行されたものであれ信頼された証明書を持つホストなら、このホストになりすますことができます。オフにする代わりに、証明書に含まれる名前で接続してください。既定値はオンです。</translation>
        </message>
        <message>
            <source>The host-name check is off: a host with any trusted certificate can pose as this host.</source>
            <translation>ホスト名の確認がオフになっています。信頼された証明書を持つ任意のホストが、このホストになりすますことができます。</translation>
        </message>
        <message>
            <source>&amp;Pinned certificates for this profile:</source>
            <translation>このプロファイルの固定した証明書(&amp;P):</translation>
        </message>
        <message>
            <source>Host</source>
            <translation>ホスト</translation>
        </message>
        <message>
            <source>Accepted</source>
            <translation>承認日時</translation>
        </message>
        <message>
            <source>Certificates you accepted for this profile after checking their fingerprints.</source>
            <translation>フィンガープリントを確認したうえで、このプロファイルで承認した証明書です。</translation>
        </message>
        <message>
            <source>Certificates that did not verify but that you accepted for this profile after checking their SHA-256 fingerprint. Tsunagi accepts exactly these certificates from these hosts; a different certificate fails as a changed certificate. Remove a pinned certificate to be asked again.</source>
            <translation>検証に失敗したものの、SHA-256 フィンガープリントを確認したうえでこのプロファイルで承認した証明書です。Tsunagi は、これらのホストについてはこれらの証明書だけを受け入れます。異なる証明書が提示された場合は、証明書が変更されたとして接続が失敗します。固定した証明書を削除すると、次回また確認を求められます。</translation>
        </message>
        <message>
            <source>Re&amp;move</source>
            <translation>削除(&amp;M)</translation>
        </message>
        <message>
            <source>Forget the selected pinned certificate.</source>
            <translation>選択した固定した証明書を削除します。</translation>
        </message>
        <message>
            <source>Forgets the selected pinned certificate. The next connection to that host verifies its certificate as usual.</source>
            <translation>選択した固定した証明書を削除します。次回そのホストに接続するときは、通常どおり証明書が検証されます。</translation>
        </message>
        <message>
            <source>Turn Off the Host-Name Check</source>
            <translation>ホスト名の確認をオフにする</translation>
        </message>
        <message>
            <source>Stop verifying that the certificate host name matches the target host name?</source>
            <translation>証明書のホスト名が接続先のホスト名と一致することの確認をやめますか?</translation>
        </message>
        <message>
            <source>The connection becomes less secure: any host with a certificate from a trusted certificate authority, issued for any name, could pose as this host and read what you send. Prefer connecting by a name the certificate contains.</source>
            <translation>接続の安全性が低下します。信頼された認証局が発行した証明書を持つホストであれば、どの名前で発行された証明書でもこのホストになりすまし、送信内容を読み取ることができます。証明書に含まれる名前で接続することをお勧めします。</translation>
        </message>
        <message>
            <source>Nothing was imported from %1: %2</source>
            <translation>%1 からは何もインポートされませんでした: %2</translation>
        </message>
        <message numerus="yes">
            <source>%n certificate(s) imported into Tsunagi's trust store.</source>
            <translation>
                <numerusform>%n 個の証明書を Tsunagi の証明書ストアにインポートしました。</numerusform>
            </translation>
        </message>
        <message>
            <source>Remove Trusted Certificate</source>
            <translation>信頼された証明書の削除</translation>
        </message>
        <message>
            <source>Remove "%1" from Tsunagi's trust store?</source>
            <translation>「%1」を Tsunagi の証明書ストアから削除しますか?</translation>
        </message>
        <message>
            <source>Every profile that trusts Tsunagi's trust store stops trusting hosts whose certificates this certificate authority issued.</source>
            <translation>Tsunagi の証明書ストアを信頼するすべてのプロファイルで、この認証局が発行した証明書を持つホストが信頼されなくなります。</translation>
        </message>
        <message>
            <source>The certificate could not be removed: %1</source>
            <translation>証明書を削除できませんでした: %1</translation>
        </message>
        <message>
            <source>The certificate was removed from Tsunagi's trust store.</source>
            <translation>証明書を Tsunagi の証明書ストアから削除しました。</translation>
        </message>
        <message>
            <source>This client certificate cannot be used: %1</source>
            <translation>このクライアント証明書は使用できません: %1</translation>
        </message>
        <message>
            <source>%1 (expired)</source>
            <translation>%1 (有効期限切れ)</translation>
        </message>
        <message>
            <source>Subject: %1
Issuer: %2
Expires: %3</source>
            <translation>発行先: %1
発行者: %2
有効期限: %3</translation>
        </message>
        <message>
            <source>Choose the PKCS#12 file of the client certificate, or set the client certificate to None.</source>
            <translation>クライアント証明書の PKCS#12 ファイルを選択するか、クライアント証明書を「なし」にしてください。</translation>
        </message>
        <message>
            <source>The PKCS#12 file %1 does not exist.</source>
            <translation>PKCS#12 ファイル %1 が存在しません。</translation>
        </message>
        <message>
            <source>Choose the PEM file of the client certificate.</source>
            <translation>クライアント証明書の PEM ファイルを選択してください。</translation>
        </message>
        <message>
            <source>A PEM client certificate needs its private key: choose the private key file.</source>
            <translation>PEM 形式のクライアント証明書には秘密鍵が必要です。秘密鍵ファイルを選択してください。</translation>
        </message>
        <message>
            <source>The certificate file %1 does not exist.</source>
            <translation>証明書ファイル %1 が存在しません。</translation>
        </message>
        <message>
            <source>The private key file %1 does not exist.</source>
            <translation>秘密鍵ファイル %1 が存在しません。</translation>
        </message>
        <message>
            <source>The CRL file %1 does not exist.</source>
            <translation>CRL ファイル %1 が存在しません。</translation>
        </message>
        <message>
            <source>The PKCS#12 file could not be imported into Tsunagi's personal store: %1</source>
            <translation>PKCS#12 ファイルを Tsunagi の個人用ストアにインポートできませんでした: %1</translation>
        </message>
    </context>
    <context>
        <name>ProfileEditorDialog</name>
        <message>
            <source>Default</source>
            <translation>既定</translation>
        </message>
        <message>
            <source>Light</source>
            <translation>ライト</translation>
        </message>
        <message>
            <source>Dark</source>
            <translation>ダーク</translation>
        </message>
        <message>
            <source>New Session</source>
            <translation>新しいセッション</translation>
        </message>
        <message>
            <source>Edit Session</source>
            <translation>セッションの編集</translation>
        </message>
        <message>
            <source>General</source>
            <translation>全般</translation>
        </message>
        <message>
            <source>Terminal</source>
            <translation>端末</translation>
        </message>
        <message>
            <source>Logging</source>
            <translation>ログ</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>メモ</translation>
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation>名前(&amp;N):</translation>
        </message>
        <message>
            <source>&amp;Folder:</source>
            <translation>フォルダー(&amp;F):</translation>
        </message>
        <message>
            <source>Top level</source>
            <translation>最上位</translation>
        </message>
        <message>
            <source>Folders are separated by "/", for example Production/Osaka.</source>
            <translation>フォルダーは「/」で区切ります (例: Production/Osaka)。</translation>
        </message>
        <message>
            <source>&amp;Host name:</source>
            <translation>ホスト名(&amp;H):</translation>
        </message>
        <message>
            <source>host.example.com or an IP address</source>
            <translation>host.example.com または IP アドレス</translation>
        </message>
        <message>
            <source>&amp;Port:</source>
            <translation>ポート(&amp;P):</translation>
        </message>
        <message>
            <source>P&amp;rotocol:</source>
            <translation>プロトコル(&amp;R):</translation>
        </message>
        <message>
            <source>Telnet</source>
            <translation>Telnet</translation>
        </message>
        <message>
            <source>Raw TCP</source>
            <translation>Raw TCP</translation>
        </message>
        <message>
            <source>Use &amp;SSL/TLS security</source>
            <translation>SSL/TLS セキュリティを使用する(&amp;S)</translation>
        </message>
        <message>
            <source>Security &amp;Properties...</source>
            <translation>セキュリティのプロパティ(&amp;P)...</translation>
        </message>
        <message>
            <source>&amp;Terminal type:</source>
            <translation>端末の種類(&amp;T):</translation>
        </message>
        <message>
            <source>&amp;Columns × rows:</source>
            <translation>桁数 × 行数(&amp;C):</translation>
        </message>
        <message>
            <source>Columns</source>
            <translation>桁数</translation>
        </message>
        <message>
            <source>Rows</source>
            <translation>行数</translation>
        </message>
        <message>
            <source>F&amp;ont:</source>
            <translation>フォント(&amp;O):</translation>
        </message>
        <message>
            <source>Font size</source>
            <translation>フォント サイズ</translation>
        </message>
        <message>
            <source> pt</source>
            <translation> pt</translation>
        </message>
        <message>
            <source>&amp;Scrollback:</source>
            <translation>スクロールバック(&amp;S):</translation>
        </message>
        <message>
            <source> lines</source>
            <translation> 行</translation>
        </message>
        <message>
            <source>Character &amp;encoding:</source>
            <translation>文字コード(&amp;E):</translation>
        </message>
        <message>
            <source>Colo&amp;ur scheme:</source>
            <translation>配色(&amp;U):</translation>
        </message>
        <message>
            <source>&amp;Backspace key sends:</source>
            <translation>BackSpace キーで送信する文字(&amp;B):</translation>
        </message>
        <message>
            <source>DEL (0x7F)</source>
            <translation>DEL (0x7F)</translation>
        </message>
        <message>
            <source>Ctrl+H (0x08)</source>
            <translation>Ctrl+H (0x08)</translation>
        </message>
        <message>
            <source>Session &amp;logging:</source>
            <translation>セッションのログ(&amp;L):</translation>
        </message>
        <message>
            <source>Off</source>
            <translation>オフ</translation>
        </message>
        <message>
            <source>Text (what the terminal shows)</source>
            <translation>テキスト (端末に表示された内容)</translation>
        </message>
        <message>
            <source>Raw (every byte received)</source>
            <translation>Raw (受信したすべてのバイト)</translation>
        </message>
        <message>
            <source>Log &amp;file:</source>
            <translation>ログ ファイル(&amp;F):</translation>
        </message>
        <message>
            <source>~/tsunagi-logs/%N-%D-%T.log</source>
            <translation>~/tsunagi-logs/%N-%D-%T.log</translation>
        </message>
        <message>
            <source>In the file name, %D is replaced by the date (yyyy-MM-dd), %T by the time (HHmmss), %N by the profile name and %H by the host name.</source>
            <translation>ファイル名の %D は日付 (yyyy-MM-dd)、%T は時刻 (HHmmss)、%N はプロファイル名、%H はホスト名に置き換えられます。</translation>
        </message>
        <message>
            <source>Notes about this session</source>
            <translation>このセッションについてのメモ</translation>
        </message>
        <message>
            <source>Enter a name for the session.</source>
            <translation>セッションの名前を入力してください。</translation>
        </message>
        <message>
            <source>The name cannot contain "/"; use the Folder field for folders.</source>
            <translation>名前に「/」は使用できません。フォルダーは [フォルダー] 欄で指定してください。</translation>
        </message>
        <message>
            <source>A session named "%1" already exists at the top level.</source>
            <translation>最上位には「%1」という名前のセッションが既にあります。</translation>
        </message>
        <message>
            <source>A session named "%1" already exists in the folder "%2".</source>
            <translation>フォルダー「%2」には「%1」という名前のセッションが既にあります。</translation>
        </message>
        <message>
            <source>Enter the host name or IP address to connect to.</source>
            <translation>接続先のホスト名または IP アドレスを入力してください。</translation>
        </message>
        <message>
            <source>The host name cannot contain spaces.</source>
            <translation>ホスト名に空白は使用できません。</translation>
        </message>
        <message>
            <source>The port must be a number from 1 to 65535.</source>
            <translation>ポートには 1 から 65535 までの数値を指定してください。</translation>
        </message>
        <message>
            <source>Enter a log file name, or turn session logging off.</source>
            <translation>ログ ファイル名を入力するか、セッションのログをオフにしてください。</translation>
        </message>
        <message>
            <source>Turn Off SSL/TLS</source>
            <translation>SSL/TLS をオフにする</translation>
        </message>
        <message>
            <source>Without SSL/TLS, everything sent in this session, including user names and passwords, travels over the network unencrypted and can be read by others.

Turn off SSL/TLS security for this session?</source>
            <translation>SSL/TLS を使用しないと、ユーザー名やパスワードを含め、このセッションで送信するすべてのデータが暗号化されずにネットワークを流れ、第三者に読み取られるおそれがあります。

このセッションの SSL/TLS セキュリティをオフにしますか?</translation>
        </message>
        <message>
            <source>Connection &amp;timeout:</source>
            <translation>接続のタイムアウト(&amp;T):</translation>
        </message>
        <message>
            <source> s</source>
            <translation> 秒</translation>
        </message>
        <message>
            <source>How long connecting, including the SSL/TLS handshake, may take before Tsunagi gives up</source>
            <translation>接続 (SSL/TLS のハンドシェイクを含む) を打ち切るまでの待ち時間です</translation>
        </message>
        <message>
            <source>&amp;User name:</source>
            <translation>ユーザー名(&amp;U):</translation>
        </message>
        <message>
            <source>Optional</source>
            <translation>省略可能</translation>
        </message>
        <message>
            <source>Sent to a Telnet host as the USER variable (NEW-ENVIRON), so the login prompt can skip asking for it</source>
            <translation>Telnet ホストに USER 変数 (NEW-ENVIRON) として送信します。ログイン時にユーザー名の入力を省略できます</translation>
        </message>
        <message>
            <source>Reconnect &amp;automatically when the connection drops</source>
            <translation>接続が切断されたら自動的に再接続する(&amp;A)</translation>
        </message>
        <message>
            <source>Cop&amp;y selected text to the clipboard</source>
            <translation>選択したテキストをクリップボードにコピーする(&amp;Y)</translation>
        </message>
        <message>
            <source>As&amp;k before pasting several lines</source>
            <translation>複数行を貼り付ける前に確認する(&amp;K)</translation>
        </message>
    </context>
    <context>
        <name>ProfileExchange</name>
        <message>
            <source>The profiles could not be exported to %1: %2</source>
            <translation>プロファイルを %1 にエクスポートできませんでした: %2</translation>
        </message>
        <message>
            <source>it is a folder</source>
            <translation>フォルダーです</translation>
        </message>
        <message>
            <source>The file %1 cannot be read: %2</source>
            <translation>ファイル %1 を読み取れません: %2</translation>
        </message>
        <message>
            <source>The file %1 is too large to import.</source>
            <translation>ファイル %1 は大きすぎるため、インポートできません。</translation>
        </message>
        <message>
            <source>The file %1 is empty.</source>
            <translation>ファイル %1 は空です。</translation>
        </message>
        <message>
            <source>The file %1 cannot be imported: it is neither a Tsunagi profile export nor a PuTTY registry export (%2 at line %3, column %4).</source>
            <translation>ファイル %1 をインポートできません。Tsunagi のプロファイルのエクスポートでも PuTTY のレジストリのエクスポートでもありません (%3 行目、%4 列目: %2)。</translation>
        </message>
        <message>
            <source>The file %1 was exported by a newer version of Tsunagi and cannot be imported.</source>
            <translation>ファイル %1 は新しいバージョンの Tsunagi でエクスポートされたため、インポートできません。</translation>
        </message>
        <message>
            <source>The file %1 cannot be imported: the value at %2 is wrong (%3).</source>
            <translation>ファイル %1 をインポートできません。%2 の値が正しくありません (%3)。</translation>
        </message>
        <message>
            <source>The file %1 is not a Tsunagi profile export.</source>
            <translation>ファイル %1 は Tsunagi のプロファイルのエクスポートではありません。</translation>
        </message>
    </context>
    <context>
        <name>ProfileJson</name>
        <message>
            <source>expected a whole number from %1 to %2</source>
            <translation>%1 から %2 までの整数が必要です</translation>
        </message>
        <message>
            <source>unknown value "%1"</source>
            <translation>不明な値「%1」です</translation>
        </message>
        <message>
            <source>expected %1</source>
            <translation>必要な形式: %1</translation>
        </message>
        <message>
            <source>a text</source>
            <translation>文字列</translation>
        </message>
        <message>
            <source>true or false</source>
            <translation>true または false</translation>
        </message>
        <message>
            <source>a list of texts</source>
            <translation>文字列の一覧</translation>
        </message>
        <message>
            <source>a date and time (ISO 8601)</source>
            <translation>日時 (ISO 8601 形式)</translation>
        </message>
        <message>
            <source>an object</source>
            <translation>オブジェクト</translation>
        </message>
        <message>
            <source>a list</source>
            <translation>一覧</translation>
        </message>
        <message>
            <source>a text (SHA-256 in hexadecimal)</source>
            <translation>文字列 (16 進数の SHA-256)</translation>
        </message>
        <message>
            <source>expected a UUID</source>
            <translation>UUID が必要です</translation>
        </message>
    </context>
    <context>
        <name>ProfileManager</name>
        <message>
            <source>More than one profile is called "%1". Name it with its folder, or use its id.</source>
            <translation>「%1」という名前のプロファイルが複数あります。フォルダーを含めて指定するか、ID を使用してください。</translation>
        </message>
        <message>
            <source>More than one profile is called "%1". Name it with its folder, as "Folder/%1", or use its id.</source>
            <translation>「%1」という名前のプロファイルが複数あります。「フォルダー/%1」のようにフォルダーを含めて指定するか、ID を使用してください。</translation>
        </message>
        <message>
            <source>There is no profile called "%1".</source>
            <translation>「%1」という名前のプロファイルはありません。</translation>
        </message>
        <message>
            <source>A profile with this id already exists.</source>
            <translation>この ID のプロファイルはすでに存在します。</translation>
        </message>
        <message>
            <source>A profile called "%1" already exists in this folder.</source>
            <translation>このフォルダーには「%1」という名前のプロファイルがすでに存在します。</translation>
        </message>
        <message>
            <source>The profile no longer exists.</source>
            <translation>このプロファイルはもう存在しません。</translation>
        </message>
        <message>
            <source>%1 (copy)</source>
            <translation>%1 (コピー)</translation>
        </message>
        <message>
            <source>%1 (copy %2)</source>
            <translation>%1 (コピー %2)</translation>
        </message>
        <message>
            <source>A folder needs a name.</source>
            <translation>フォルダーの名前を入力してください。</translation>
        </message>
        <message>
            <source>The folder "%1" already exists.</source>
            <translation>フォルダー「%1」はすでに存在します。</translation>
        </message>
        <message>
            <source>The folder "%1" no longer exists.</source>
            <translation>フォルダー「%1」はもう存在しません。</translation>
        </message>
        <message>
            <source>The folder "%1" cannot be moved into itself.</source>
            <translation>フォルダー「%1」をそのフォルダー自身の中へ移動することはできません。</translation>
        </message>
        <message>
            <source>Imported profile</source>
            <translation>インポートしたプロファイル</translation>
        </message>
        <message>
            <source>%1 → %2</source>
            <translation>%1 → %2</translation>
        </message>
        <message>
            <source>The name cannot be empty.</source>
            <translation>名前を入力してください。</translation>
        </message>
        <message>
            <source>The name cannot contain "/".</source>
            <translation>名前に「/」は使用できません。</translation>
        </message>
    </context>
    <context>
        <name>ProfileStore</name>
        <message>
            <source>Your profiles were not saved because the profile store %1 could not be loaded. Choose to start with an empty list to save again; the damaged file will be kept.</source>
            <translation>プロファイルの保存ファイル %1 を読み込めなかったため、プロファイルは保存されていません。再び保存するには、空の一覧から始めることを選択してください。破損したファイルは保持されます。</translation>
        </message>
        <message>
            <source>The profile store %1 could not be saved: a copy of the older file could not be made at %2.</source>
            <translation>プロファイルの保存ファイル %1 を保存できませんでした。古いファイルのコピーを %2 に作成できません。</translation>
        </message>
        <message>
            <source>The damaged profile store %1 could not be moved aside to %2, so Tsunagi still does not save over it.</source>
            <translation>破損したプロファイルの保存ファイル %1 を %2 に退避できなかったため、Tsunagi は引き続きこのファイルに上書き保存しません。</translation>
        </message>
        <message>
            <source>The profile store %1 has an unexpected value at %2: %3.</source>
            <translation>プロファイルの保存ファイル %1 の %2 に予期しない値があります (%3)。</translation>
        </message>
        <message>
            <source>The profile store %1 cannot be read: it is a folder, not a file.</source>
            <translation>プロファイルの保存ファイル %1 を読み取れません。ファイルではなくフォルダーです。</translation>
        </message>
        <message>
            <source>The profile store %1 cannot be read: %2</source>
            <translation>プロファイルの保存ファイル %1 を読み取れません: %2</translation>
        </message>
        <message>
            <source>The profile store %1 is too large to be a profile store (%2 bytes).</source>
            <translation>プロファイルの保存ファイル %1 は、プロファイルの保存ファイルとしては大きすぎます (%2 バイト)。</translation>
        </message>
        <message>
            <source>The profile store %1 is empty; it may have been cut short while it was being written.</source>
            <translation>プロファイルの保存ファイル %1 は空です。書き込みの途中で切り詰められた可能性があります。</translation>
        </message>
        <message>
            <source>The profile store %1 is not valid JSON: %2 at line %3, column %4 (byte offset %5).</source>
            <translation>プロファイルの保存ファイル %1 は有効な JSON ではありません (%3 行目、%4 列目、バイトオフセット %5: %2)。</translation>
        </message>
        <message>
            <source>(top level)</source>
            <translation>(最上位)</translation>
        </message>
        <message>
            <source>The profile store %1 was written by a newer version of Tsunagi (schema version %2; this version reads up to %3). It is left unchanged.</source>
            <translation>プロファイルの保存ファイル %1 は新しいバージョンの Tsunagi で書き込まれています (スキーマバージョン %2。このバージョンで読み取れるのは %3 までです)。ファイルは変更されません。</translation>
        </message>
        <message>
            <source>The profile store %1 could not be saved: the folder %2 cannot be created.</source>
            <translation>プロファイルの保存ファイル %1 を保存できませんでした。フォルダー %2 を作成できません。</translation>
        </message>
        <message>
            <source>The profile store %1 could not be saved: %2</source>
            <translation>プロファイルの保存ファイル %1 を保存できませんでした: %2</translation>
        </message>
        <message>
            <source>%1 A copy was kept as %2.</source>
            <translation>%1コピーを %2 として保存しました。</translation>
        </message>
        <message>
            <source>The profile store %1 could not be saved: with %2 bytes it would be too large to be read again.</source>
            <translation>プロファイルの保存ファイル %1 を保存できませんでした: %2 バイトになり、大きすぎて再び読み込めなくなります。</translation>
        </message>
        <message>
            <source>the folder is on a read-only file system</source>
            <translation>フォルダーが読み取り専用のファイルシステム上にあります</translation>
        </message>
        <message>
            <source>there is not enough free disk space (%1 bytes needed, %2 available)</source>
            <translation>ディスクの空き容量が足りません (必要: %1 バイト、空き: %2 バイト)</translation>
        </message>
    </context>
    <context>
        <name>ProfileTreeModel</name>
        <message>
            <source>%1, port %2, %3</source>
            <translation>%1、ポート %2、%3</translation>
        </message>
        <message>
            <source>SSL/TLS</source>
            <translation>SSL/TLS</translation>
        </message>
        <message>
            <source>no SSL/TLS</source>
            <translation>SSL/TLS なし</translation>
        </message>
    </context>
    <context>
        <name>PuttyImporter</name>
        <message>
            <source>The file %1 cannot be read: %2</source>
            <translation>ファイル %1 を読み取れません: %2</translation>
        </message>
        <message>
            <source>The file %1 is not a registry export (it should start with "Windows Registry Editor").</source>
            <translation>ファイル %1 はレジストリのエクスポートではありません (「Windows Registry Editor」で始まる必要があります)。</translation>
        </message>
        <message>
            <source>The file %1 holds no PuTTY saved sessions. Export the key HKEY_CURRENT_USER\Software\SimonTatham\PuTTY\Sessions with the Registry Editor.</source>
            <translation>ファイル %1 には PuTTY の保存済みセッションが含まれていません。レジストリ エディターでキー HKEY_CURRENT_USER\Software\SimonTatham\PuTTY\Sessions をエクスポートしてください。</translation>
        </message>
        <message>
            <source>PuTTY's default settings, not a saved session.</source>
            <translation>PuTTY の既定の設定であり、保存済みセッションではありません。</translation>
        </message>
        <message>
            <source>SSH session: Tsunagi connects with Telnet or raw TCP only.</source>
            <translation>SSH のセッションです。Tsunagi は Telnet または raw TCP でのみ接続します。</translation>
        </message>
        <message>
            <source>Serial line session: Tsunagi connects over the network only.</source>
            <translation>シリアル回線のセッションです。Tsunagi はネットワーク経由でのみ接続します。</translation>
        </message>
        <message>
            <source>%1 session: Tsunagi connects with Telnet or raw TCP only.</source>
            <translation>%1 のセッションです。Tsunagi は Telnet または raw TCP でのみ接続します。</translation>
        </message>
        <message>
            <source>No host name.</source>
            <translation>ホスト名がありません。</translation>
        </message>
        <message>
            <source>Port %1 is out of range.</source>
            <translation>ポート %1 は範囲外です。</translation>
        </message>
    </context>
    <context>
        <name>QuickConnect</name>
        <message>
            <source>Enter a host name, host:port, or a telnet:// or telnets:// address.</source>
            <translation>ホスト名、ホスト名:ポート、または telnet:// か telnets:// で始まるアドレスを入力してください。</translation>
        </message>
        <message>
            <source>Quick Connect understands telnet:// and telnets:// addresses, not %1://.</source>
            <translation>クイック接続で使用できるのは telnet:// と telnets:// のアドレスです。%1:// は使用できません。</translation>
        </message>
        <message>
            <source>The address "%1" has an opening "[" but no closing "]".</source>
            <translation>アドレス「%1」には「[」がありますが、対応する「]」がありません。</translation>
        </message>
        <message>
            <source>Unexpected text after the address: "%1".</source>
            <translation>アドレスの後に不要な文字列があります:「%1」</translation>
        </message>
        <message>
            <source>"%1" is not a valid host name or IP address.</source>
            <translation>「%1」は有効なホスト名または IP アドレスではありません。</translation>
        </message>
        <message>
            <source>The port must be a number from 1 to 65535.</source>
            <translation>ポートには 1 から 65535 までの数値を指定してください。</translation>
        </message>
    </context>
    <context>
        <name>SecretStore</name>
        <message>
            <source>No keychain service is available, so Tsunagi cannot keep passphrases and authorization tokens. Start your desktop's keychain (for example GNOME Keyring or KWallet, which provide the Secret Service over D-Bus) and try again.</source>
            <translation>使用できるキーチェーンサービスがないため、Tsunagi はパスフレーズや認可トークンを保存できません。デスクトップのキーチェーン (D-Bus 経由で Secret Service を提供する GNOME Keyring や KWallet など) を起動してから、もう一度お試しください。</translation>
        </message>
        <message>
            <source>No secret is stored for this profile.</source>
            <translation>このプロファイルのシークレットは保存されていません。</translation>
        </message>
        <message>
            <source>Access to the keychain was denied, so the secret was not used.</source>
            <translation>キーチェーンへのアクセスが拒否されたため、シークレットは使用されませんでした。</translation>
        </message>
        <message>
            <source>The keychain reported an error: %1</source>
            <translation>キーチェーンからエラーが報告されました: %1</translation>
        </message>
    </context>
    <context>
        <name>SecurityBackend</name>
        <message>
            <source>the file cannot be read.</source>
            <translation>ファイルを読み取れません。</translation>
        </message>
        <message>
            <source>the file holds no certificate in PEM or DER format.</source>
            <translation>ファイルに PEM 形式または DER 形式の証明書が含まれていません。</translation>
        </message>
        <message>
            <source>the file holds a host or user certificate, not a certificate authority (CA). To trust one host's certificate, connect to it and accept the certificate after checking its fingerprint.</source>
            <translation>ファイルに含まれているのは認証局 (CA) ではなく、ホストまたはユーザーの証明書です。特定のホストの証明書を信頼するには、そのホストに接続し、フィンガープリントを確認したうえで証明書を承認してください。</translation>
        </message>
        <message>
            <source>every certificate in the file is already in Tsunagi's trust store.</source>
            <translation>ファイル内の証明書はすべて、すでに Tsunagi の証明書ストアにあります。</translation>
        </message>
        <message>
            <source>Tsunagi's trust store folder cannot be written to.</source>
            <translation>Tsunagi の証明書ストアのフォルダーに書き込めません。</translation>
        </message>
        <message>
            <source>the certificate is no longer in Tsunagi's trust store.</source>
            <translation>証明書はすでに Tsunagi の証明書ストアにありません。</translation>
        </message>
        <message>
            <source>no client certificate is chosen.</source>
            <translation>クライアント証明書が選択されていません。</translation>
        </message>
        <message>
            <source>the file does not exist.</source>
            <translation>ファイルが存在しません。</translation>
        </message>
        <message>
            <source>the passphrase is wrong.</source>
            <translation>パスフレーズが正しくありません。</translation>
        </message>
        <message>
            <source>the private key is protected by a passphrase: enter it.</source>
            <translation>秘密鍵はパスフレーズで保護されています。パスフレーズを入力してください。</translation>
        </message>
        <message>
            <source>the file holds no certificate.</source>
            <translation>ファイルに証明書が含まれていません。</translation>
        </message>
        <message>
            <source>no usable private key was found.</source>
            <translation>使用できる秘密鍵が見つかりません。</translation>
        </message>
        <message>
            <source>the private key does not belong to the certificate.</source>
            <translation>秘密鍵が証明書に対応していません。</translation>
        </message>
        <message>
            <source>the file cannot be copied into the personal store.</source>
            <translation>ファイルを個人用ストアにコピーできません。</translation>
        </message>
    </context>
    <context>
        <name>SecurityPropertiesDialog</name>
        <message>
            <source>Security Properties</source>
            <translation>セキュリティのプロパティ</translation>
        </message>
        <message>
            <source>SSL/TLS</source>
            <translation>SSL/TLS</translation>
        </message>
        <message>
            <source>&amp;Use SSL/TLS security</source>
            <translation>SSL/TLS セキュリティを使用する(&amp;U)</translation>
        </message>
        <message>
            <source>Encrypt the connection with SSL/TLS and verify the host's certificate.</source>
            <translation>SSL/TLS で接続を暗号化し、ホストの証明書を検証します。</translation>
        </message>
        <message>
            <source>When this is on, Tsunagi encrypts everything sent to and received from the host with SSL/TLS and checks that the host's certificate is trusted. When it is off, the connection is not encrypted and every other setting on this tab is unavailable. On by default.</source>
            <translation>オンにすると、Tsunagi はホストとの間で送受信するすべてのデータを SSL/TLS で暗号化し、ホストの証明書が信頼できることを確認します。オフにすると接続は暗号化されず、このタブのほかの設定はすべて使用できなくなります。既定値はオンです。</translation>
        </message>
        <message>
            <source>Which cipher suites Tsunagi offers to the host.</source>
            <translation>Tsunagi がホストに提示する暗号スイートです。</translation>
        </message>
        <message>
            <source>&lt;p&gt;Which cipher suites Tsunagi offers to the host:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Default&lt;/b&gt;: whatever the TLS library offers by default.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Recommended&lt;/b&gt;: only TLS 1.2 or later suites with forward secrecy and authenticated encryption (AES-GCM, ChaCha20-Poly1305).&lt;/li&gt;&lt;li&gt;&lt;b&gt;256-bit&lt;/b&gt;, &lt;b&gt;128-bit&lt;/b&gt;: only suites with keys of that size.&lt;/li&gt;&lt;li&gt;&lt;b&gt;168-bit&lt;/b&gt;: Triple DES, for old hosts only.&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;A level marked as not available cannot be provided by the TLS library on this computer; connections with it fail before anything is sent. Default: Default.&lt;/p&gt;</source>
            <translation>&lt;p&gt;Tsunagi がホストに提示する暗号スイートを選択します。&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;既定&lt;/b&gt;: TLS ライブラリの既定の暗号スイートを使用します。&lt;/li&gt;&lt;li&gt;&lt;b&gt;推奨&lt;/b&gt;: 前方秘匿性と認証付き暗号 (AES-GCM、ChaCha20-Poly1305) を備えた TLS 1.2 以降の暗号スイートだけを使用します。&lt;/li&gt;&lt;li&gt;&lt;b&gt;256 ビット&lt;/b&gt;、&lt;b&gt;128 ビット&lt;/b&gt;: その長さの鍵を使う暗号スイートだけを使用します。&lt;/li&gt;&lt;li&gt;&lt;b&gt;168 ビット&lt;/b&gt;: トリプル DES です。古いホスト専用です。&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;「使用できません」と表示されたレベルは、このコンピューターの TLS ライブラリでは提供できないため、何も送信する前に接続が失敗します。既定値: 既定。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&amp;Encryption strength:</source>
            <translation>暗号化レベル(&amp;E):</translation>
        </message>
        <message>
            <source>TLS version</source>
            <translation>TLS のバージョン</translation>
        </message>
        <message>
            <source>TLS %1</source>
            <translation>TLS %1</translation>
        </message>
        <message>
            <source>The oldest TLS version Tsunagi accepts. Default: TLS 1.2.</source>
            <translation>Tsunagi が受け入れる最も古い TLS のバージョンです。既定値: TLS 1.2。</translation>
        </message>
        <message>
            <source>The oldest TLS version Tsunagi accepts. TLS 1.0 and 1.1 are outdated; lower the minimum only for a host that supports nothing newer. Default: TLS 1.2.</source>
            <translation>Tsunagi が受け入れる最も古い TLS のバージョンです。TLS 1.0 と 1.1 は古いバージョンです。より新しいバージョンに対応していないホストの場合に限り、最小バージョンを下げてください。既定値: TLS 1.2。</translation>
        </message>
        <message>
            <source>The newest TLS version Tsunagi offers. Default: TLS 1.3.</source>
            <translation>Tsunagi が提示する最も新しい TLS のバージョンです。既定値: TLS 1.3。</translation>
        </message>
        <message>
            <source>The newest TLS version Tsunagi offers. Lower it only for a host that fails with newer versions. It cannot be older than the minimum. Default: TLS 1.3.</source>
            <translation>Tsunagi が提示する最も新しい TLS のバージョンです。新しいバージョンで接続に失敗するホストの場合に限り、下げてください。最小バージョンより古くすることはできません。既定値: TLS 1.3。</translation>
        </message>
        <message>
            <source>&amp;Negotiate automatically</source>
            <translation>自動でネゴシエートする(&amp;N)</translation>
        </message>
        <message>
            <source>Use whatever TLS version both sides support instead of the minimum and maximum.</source>
            <translation>最小・最大バージョンの代わりに、双方が対応している TLS のバージョンを使用します。</translation>
        </message>
        <message>
            <source>When this is on, Tsunagi does not ask for particular TLS versions: it uses the newest version that both the host and the TLS library on this computer support. Use it when a host rejects the versions chosen above. Off by default.</source>
            <translation>オンにすると、Tsunagi は特定の TLS のバージョンを要求せず、ホストとこのコンピューターの TLS ライブラリの両方が対応している最も新しいバージョンを使用します。上で選択したバージョンをホストが拒否する場合に使用してください。既定値はオフです。</translation>
        </message>
        <message>
            <source>M&amp;inimum:</source>
            <translation>最小(&amp;I):</translation>
        </message>
        <message>
            <source>Ma&amp;ximum:</source>
            <translation>最大(&amp;X):</translation>
        </message>
        <message>
            <source>&amp;FIPS mode</source>
            <translation>FIPS モード(&amp;F)</translation>
        </message>
        <message>
            <source>Use only FIPS-approved algorithms through OpenSSL's FIPS provider.</source>
            <translation>OpenSSL の FIPS プロバイダーを通じて、FIPS 承認済みのアルゴリズムだけを使用します。</translation>
        </message>
        <message>
            <source>When this is on, Tsunagi uses only FIPS-approved cipher suites through OpenSSL's FIPS provider, and refuses hosts whose key is too small for the negotiated suite (Triple DES needs an RSA or DSA key of at least 1024 bits, AES-128 at least 3072 bits). The FIPS provider must be installed on this computer. Off by default.</source>
            <translation>オンにすると、Tsunagi は OpenSSL の FIPS プロバイダーを通じて FIPS 承認済みの暗号スイートだけを使用し、ネゴシエートされた暗号スイートに対して鍵が短すぎるホストを拒否します (トリプル DES には 1024 ビット以上、AES-128 には 3072 ビット以上の RSA または DSA の鍵が必要です)。このコンピューターに FIPS プロバイダーがインストールされている必要があります。既定値はオフです。</translation>
        </message>
        <message>
            <source>OpenSSL's FIPS provider is not installed on this computer. Connections in FIPS mode will fail until it is installed.</source>
            <translation>このコンピューターには OpenSSL の FIPS プロバイダーがインストールされていません。インストールするまで、FIPS モードでの接続は失敗します。</translation>
        </message>
        <message>
            <source>Security proxy</source>
            <translation>セキュリティプロキシ</translation>
        </message>
        <message>
            <source>Connect through a security &amp;proxy</source>
            <translation>セキュリティプロキシを経由して接続する(&amp;P)</translation>
        </message>
        <message>
            <source>Reach the host through an HTTP CONNECT proxy that requires an authorization token.</source>
            <translation>認可トークンを必要とする HTTP CONNECT プロキシを経由してホストに接続します。</translation>
        </message>
        <message>
            <source>When this is on, Tsunagi connects to the security proxy below and asks it to open the connection to the host (HTTP CONNECT), sending the authorization token. Off by default.</source>
            <translation>オンにすると、Tsunagi は下のセキュリティプロキシに接続し、認可トークンを送信してホストへの接続を依頼します (HTTP CONNECT)。既定値はオフです。</translation>
        </message>
        <message>
            <source>Host name or IP address of the security proxy.</source>
            <translation>セキュリティプロキシのホスト名または IP アドレスです。</translation>
        </message>
        <message>
            <source>The host name or IP address of the security proxy. Required when the proxy is used.</source>
            <translation>セキュリティプロキシのホスト名または IP アドレスです。プロキシを使用する場合は必須です。</translation>
        </message>
        <message>
            <source>TCP port of the security proxy (1–65535).</source>
            <translation>セキュリティプロキシの TCP ポート (1～65535) です。</translation>
        </message>
        <message>
            <source>The TCP port the security proxy listens on, from 1 to 65535. Required when the proxy is used.</source>
            <translation>セキュリティプロキシが待ち受けている TCP ポート (1～65535) です。プロキシを使用する場合は必須です。</translation>
        </message>
        <message>
            <source>&amp;Authorization token:</source>
            <translation>認可トークン(&amp;A):</translation>
        </message>
        <message>
            <source>Send the token typed here, kept in the keychain.</source>
            <translation>ここに入力したトークンを送信します。トークンはキーチェーンに保存されます。</translation>
        </message>
        <message>
            <source>Send the authorization token typed in the box. Tsunagi keeps it in the keychain, never in the profile file. This is the default.</source>
            <translation>ボックスに入力した認可トークンを送信します。Tsunagi はトークンをキーチェーンに保存し、プロファイルのファイルには保存しません。これが既定値です。</translation>
        </message>
        <message>
            <source>The authorization token; stored in the keychain, never in the profile.</source>
            <translation>認可トークンです。キーチェーンに保存され、プロファイルには保存されません。</translation>
        </message>
        <message>
            <source>The authorization token the security proxy expects (sent as a bearer token). It is stored in the keychain when you click OK, never in the profile file. Leave it empty to remove the stored token.</source>
            <translation>セキュリティプロキシが要求する認可トークンです (ベアラートークンとして送信されます)。[OK] をクリックするとキーチェーンに保存され、プロファイルのファイルには保存されません。保存済みのトークンを削除するには、空にしてください。</translation>
        </message>
        <message>
            <source>Token from the session &amp;link</source>
            <translation>セッションリンクのトークンを使用する(&amp;L)</translation>
        </message>
        <message>
            <source>Use the token of the session link the session was started from.</source>
            <translation>セッションを開始したセッションリンクのトークンを使用します。</translation>
        </message>
        <message>
            <source>Use the authorization token carried by the session link (a tsunagi:// link issued by a web portal) that starts the session. Sessions of this profile started any other way send no token.</source>
            <translation>セッションを開始するセッションリンク (Web ポータルが発行する tsunagi:// リンク) に含まれる認可トークンを使用します。ほかの方法で開始したこのプロファイルのセッションでは、トークンは送信されません。</translation>
        </message>
        <message>
            <source>&amp;Host:</source>
            <translation>ホスト(&amp;H):</translation>
        </message>
        <message>
            <source>P&amp;ort:</source>
            <translation>ポート(&amp;O):</translation>
        </message>
        <message>
            <source>Configure P&amp;KI...</source>
            <translation>PKI の構成(&amp;K)...</translation>
        </message>
        <message>
            <source>Trusted certificates, client certificate, revocation checking and host-name verification.</source>
            <translation>信頼する証明書、クライアント証明書、証明書失効の確認、ホスト名の検証を設定します。</translation>
        </message>
        <message>
            <source>Opens PKI Configuration: which certificate authorities are trusted, the client certificate, revocation checking, the host-name check and the certificates accepted for this profile.</source>
            <translation>「PKI の構成」を開きます。信頼する認証局、クライアント証明書、証明書失効の確認、ホスト名の確認、このプロファイルで承認した証明書を設定できます。</translation>
        </message>
        <message>
            <source>Turn Off SSL/TLS</source>
            <translation>SSL/TLS をオフにする</translation>
        </message>
        <message>
            <source>Turn off SSL/TLS security for this profile?</source>
            <translation>このプロファイルの SSL/TLS セキュリティをオフにしますか?</translation>
        </message>
        <message>
            <source>The connection will not be encrypted: everything you type, including passwords, can be read by anyone on the network path, and the host's identity is not verified.</source>
            <translation>接続は暗号化されません。パスワードを含め、入力した内容はすべて通信経路上の第三者に読み取られるおそれがあり、ホストが本物かどうかも検証されません。</translation>
        </message>
        <message>
            <source>Default (the TLS library's defaults)</source>
            <translation>既定 (TLS ライブラリの既定値)</translation>
        </message>
        <message>
            <source>Recommended (TLS 1.2 or later, forward secrecy)</source>
            <translation>推奨 (TLS 1.2 以降、前方秘匿性あり)</translation>
        </message>
        <message>
            <source>256-bit</source>
            <translation>256 ビット</translation>
        </message>
        <message>
            <source>128-bit</source>
            <translation>128 ビット</translation>
        </message>
        <message>
            <source>168-bit (3DES, legacy)</source>
            <translation>168 ビット (3DES、旧式)</translation>
        </message>
        <message>
            <source>%1 — not available on this computer</source>
            <translation>%1 — このコンピューターでは使用できません</translation>
        </message>
        <message>
            <source>The TLS library on this computer cannot provide this encryption strength, so connections with it will fail. Choose another level.</source>
            <translation>このコンピューターの TLS ライブラリはこの暗号化レベルを提供できないため、接続は失敗します。別のレベルを選択してください。</translation>
        </message>
        <message>
            <source>The minimum TLS version is newer than the maximum. Choose a minimum that is the same as or older than the maximum.</source>
            <translation>TLS の最小バージョンが最大バージョンより新しくなっています。最大バージョンと同じか、それより古い最小バージョンを選択してください。</translation>
        </message>
        <message>
            <source>Enter the host name or IP address of the security proxy.</source>
            <translation>セキュリティプロキシのホスト名または IP アドレスを入力してください。</translation>
        </message>
        <message>
            <source>The security proxy's host name "%1" is not valid.</source>
            <translation>セキュリティプロキシのホスト名「%1」は正しくありません。</translation>
        </message>
        <message>
            <source>Enter the port of the security proxy.</source>
            <translation>セキュリティプロキシのポートを入力してください。</translation>
        </message>
        <message>
            <source>The security proxy's port must be a number from 1 to 65535.</source>
            <translation>セキュリティプロキシのポートには 1～65535 の数値を指定してください。</translation>
        </message>
        <message>
            <source>The authorization token could not be stored in the keychain: %1</source>
            <translation>認可トークンをキーチェーンに保存できませんでした: %1</translation>
        </message>
        <message>
            <source>The passphrase of the private key could not be stored in the keychain: %1</source>
            <translation>秘密鍵のパスフレーズをキーチェーンに保存できませんでした: %1</translation>
        </message>
    </context>
    <context>
        <name>SessionLogger</name>
        <message>
            <source>No log file name is set in the profile.</source>
            <translation>プロファイルにログファイル名が設定されていません。</translation>
        </message>
        <message>
            <source>The log file %1 cannot be written: %2</source>
            <translation>ログファイル %1 に書き込めません：%2</translation>
        </message>
    </context>
    <context>
        <name>SessionTreeDelegate</name>
        <message>
            <source>Raw TCP</source>
            <translation>Raw TCP</translation>
        </message>
        <message>
            <source>Telnet</source>
            <translation>Telnet</translation>
        </message>
        <message>
            <source>%1 · %2 · SSL/TLS</source>
            <translation>%1 · %2 · SSL/TLS</translation>
        </message>
        <message>
            <source>%1 · %2 · not encrypted</source>
            <translation>%1 · %2 · 暗号化なし</translation>
        </message>
    </context>
    <context>
        <name>SessionWidget</name>
        <message>
            <source>Close Session</source>
            <translation>セッションを閉じる</translation>
        </message>
        <message>
            <source>The session with %1 is still connected. Disconnect and close it?</source>
            <translation>%1 とのセッションはまだ接続されています。切断して閉じますか？</translation>
        </message>
        <message>
            <source>Encrypted with %1 (%2). Click to see the certificate chain.</source>
            <translation>%1 (%2) で暗号化されています。クリックすると証明書チェーンを表示します。</translation>
        </message>
        <message>
            <source>Not encrypted yet.</source>
            <translation>まだ暗号化されていません。</translation>
        </message>
        <message>
            <source>Connecting to %1…</source>
            <translation>%1 に接続しています...</translation>
        </message>
        <message>
            <source>Disconnected from %1.</source>
            <translation>%1 から切断しました。</translation>
        </message>
        <message>
            <source>Could not connect to %1: %2</source>
            <translation>%1 に接続できませんでした：%2</translation>
        </message>
        <message>
            <source>the connection failed</source>
            <translation>接続に失敗しました</translation>
        </message>
        <message>
            <source>The connection to %1 was closed: %2</source>
            <translation>%1 との接続が切断されました：%2</translation>
        </message>
        <message>
            <source>the host ended the session</source>
            <translation>ホストがセッションを終了しました</translation>
        </message>
        <message numerus="yes">
            <source>Reconnecting in %n second(s)…</source>
            <translation>
                <numerusform>%n 秒後に再接続します...</numerusform>
            </translation>
        </message>
        <message>
            <source>Details…</source>
            <translation>詳細...</translation>
        </message>
        <message>
            <source>Retry</source>
            <translation>再試行</translation>
        </message>
        <message>
            <source>Reconnect</source>
            <translation>再接続</translation>
        </message>
        <message>
            <source>Security Properties…</source>
            <translation>セキュリティのプロパティ...</translation>
        </message>
        <message>
            <source>&amp;Reconnect</source>
            <translation>再接続(&amp;R)</translation>
        </message>
        <message>
            <source>Connect this tab to the host again, keeping the scrollback</source>
            <translation>スクロールバックを残したまま、このタブをホストに再接続します</translation>
        </message>
        <message>
            <source>Edit Session…</source>
            <translation>セッションの編集...</translation>
        </message>
    </context>
    <context>
        <name>TerminalWidget</name>
        <message>
            <source>Paste</source>
            <translation>貼り付け</translation>
        </message>
        <message>
            <source>The clipboard holds %1 characters, more than can be pasted into a terminal at once.</source>
            <translation>クリップボードには %1 文字あり、端末に一度に貼り付けられる量を超えています。</translation>
        </message>
        <message numerus="yes">
            <source>The text to paste has %n line(s). Each line may run as a command on the host. Paste it?</source>
            <translation>
                <numerusform>貼り付けるテキストは %n 行あります。各行がホストでコマンドとして実行される可能性があります。貼り付けますか？</numerusform>
            </translation>
        </message>
        <message>
            <source>&amp;Copy</source>
            <translation>コピー(&amp;C)</translation>
        </message>
        <message>
            <source>&amp;Paste</source>
            <translation>貼り付け(&amp;P)</translation>
        </message>
        <message>
            <source>Select &amp;All</source>
            <translation>すべて選択(&amp;A)</translation>
        </message>
        <message>
            <source>C&amp;lear Scrollback</source>
            <translation>スクロールバックを消去(&amp;L)</translation>
        </message>
    </context>
</TS>
