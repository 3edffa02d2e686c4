// Regenerates tests/test_webhooks_vectors.json with NodeJS, exactly as MoodHood signs a webhook:
//   crypto.createHmac('sha256', secret).update(JSON.stringify(body), 'utf8').digest('hex')
// Run from the repository root:  node tests/test_webhooks_vectors.mjs > tests/test_webhooks_vectors.json
// Each case's `source` is JSON text; `JSON.parse(source)` is the body the service holds.
import crypto from 'node:crypto';

const ids = { spaceId: '5f3b8b9c2a1e4d0012345678', roomId: '64a1b2c3d4e5f60718293a4b', recordId: '65f0e1d2c3b4a59687706152' };
const cases = [
  ['documented record_finished', 'wh-secret-0123456789abcdefABCDEF', JSON.stringify({ eventName: 'record_finished', ...ids })],
  ['call_started without recordId', 'wh-secret-0123456789abcdefABCDEF', JSON.stringify({ eventName: 'call_started', roomId: ids.roomId, spaceId: ids.spaceId })],
  ['recordId null', 'wh-secret-0123456789abcdefABCDEF', '{"eventName":"call_finished","roomId":"r1","spaceId":"s1","recordId":null}'],
  ['cyrillic emoji cjk', 'wh-secret-0123456789abcdefABCDEF', '{"eventName":"call_started","roomId":"r","spaceId":"s","title":"Урок физики 🚀🎓 数学","who":"Ёжик"}'],
  ['escaped non-ascii in source', 'wh-secret-0123456789abcdefABCDEF', '{"eventName":"call_started","roomId":"r","spaceId":"s","title":"\\u0423\\u0440\\u043e\\u043a \\ud83d\\ude80"}'],
  ['slash quotes backslashes', 'wh-secret-0123456789abcdefABCDEF', '{"eventName":"call_started","roomId":"a/b\\/c","spaceId":"s","q":"say \\"hi\\" \\\\ C:\\\\path </script>","apos":"it\'s"}'],
  ['control characters', 'wh-secret-0123456789abcdefABCDEF', JSON.stringify({ eventName: 'call_started', roomId: 'r', spaceId: 's', ctl: Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join('') + '\u007f\u0080\u009f' })],
  ['line and paragraph separators', 'wh-secret-0123456789abcdefABCDEF', '{"eventName":"call_started","roomId":"r","spaceId":"s","sep":"a\\u2028b\\u2029c\\ufeffd\\uffff"}'],
  ['lone surrogates', 'wh-secret-0123456789abcdefABCDEF', '{"eventName":"call_started","roomId":"r","spaceId":"s","lone":"x\\ud800y\\udc00z\\udbff","pair":"\\ud83d\\ude00","rev":"\\ude00\\ud83d"}'],
  ['nested objects arrays literals', 'wh-secret-0123456789abcdefABCDEF', '{"eventName":"record_started","roomId":"r","spaceId":"s","recordId":"x","meta":{"a":[1,[2,[3,{}]],[]],"b":{"c":{"d":null}},"t":true,"f":false,"e":""}}'],
  ['numbers', 'wh-secret-0123456789abcdefABCDEF', '{"eventName":"call_started","roomId":"r","spaceId":"s","n":[0,-0,-0.0,1.0,1.50,100,1e2,1E2,0.1,-0.1,1e-6,1e-7,1.5e-7,0.000001234,123e-20,1e16,1e20,1e21,1.5e21,123456789012345680000,9007199254740991,9007199254740993,12345678901234567890123,5e-324,2.2250738585072014e-308,1.7976931348623157e308,1e400,-1e400,3.14159265358979323846,123456789.123456789,-5e-7,0.5e-6]}'],
  ['array index keys come first', 'wh-secret-0123456789abcdefABCDEF', '{"eventName":"call_started","roomId":"r","spaceId":"s","k":{"b":1,"10":2,"2":3,"01":4,"4294967295":5,"4294967294":6,"-1":7,"1.5":8,"0":9," 3":10,"٣":11}}'],
  ['duplicate keys keep first position last value', 'wh-secret-0123456789abcdefABCDEF', '{"eventName":"call_started","roomId":"r","spaceId":"s","d":{"a":1,"b":2,"a":3}}'],
  ['unknown event with extra fields', 'wh-secret-0123456789abcdefABCDEF', '{"eventName":"poll_finished","roomId":"r","spaceId":"s","pollId":"p1","score":4.5}'],
  ['keys with special characters', 'wh-secret-0123456789abcdefABCDEF', '{"eventName":"call_started","roomId":"r","spaceId":"s","we\\"ird\\nkey/\\u0000":"v","ключ":"значение","":"empty"}'],
  ['non-ascii secret', 'секрет-🔑-ÿ', JSON.stringify({ eventName: 'record_failed', ...ids })],
  ['fields in unusual order', 'wh-secret-0123456789abcdefABCDEF', '{"spaceId":"s","recordId":"x","roomId":"r","eventName":"record_aborted"}'],
  ['pretty-printed source', 'wh-secret-0123456789abcdefABCDEF', '{\n  "eventName" : "record_finished",\n  "roomId": "r",\t"spaceId": "s",\r\n  "recordId": "x"\n}\n'],
];

const out = cases.map(([name, secret, source]) => {
  const body = JSON.parse(source);
  const stringified = JSON.stringify(body);
  const signature = crypto.createHmac('sha256', secret).update(stringified, 'utf8').digest('hex');
  return {
    name,
    secret,
    source,
    stringified,
    signature,
    // What the service POSTs; also a pretty-printed delivery, which must verify just the same.
    delivery: JSON.stringify({ signature, body }),
    delivery_pretty: JSON.stringify({ signature, body }, null, 2),
  };
});
process.stdout.write(JSON.stringify({ generator: 'tests/test_webhooks_vectors.mjs', node: process.version, cases: out }, null, 2) + '\n');
