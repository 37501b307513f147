#pragma once

// The in-process peers live in app/demo, shared with the demo lab so tests and demo cannot drift
// apart; the tests keep their names for them.
#include "demo/LoopbackPeers.h"

using TlsTestServer = DemoTlsServer;
using TestSecurityProxy = DemoSecurityProxy;
