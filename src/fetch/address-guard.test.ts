import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classifyAddress, describeForbidden, ipLiteral, isForbiddenAddress } from './address-guard.js';

// biome-ignore format: one case per line reads as a table
const CASES: Array<[string, string | null]> = [
  // public IPv4
  ['8.8.8.8', null],
  ['1.1.1.1', null],
  ['93.184.216.34', null],
  ['100.63.255.255', null],      // just below CGNAT
  ['100.128.0.0', null],         // just above CGNAT
  ['172.15.255.255', null],      // just below 172.16/12
  ['172.32.0.0', null],          // just above 172.16/12
  ['169.253.255.255', null],
  ['223.255.255.255', null],     // just below multicast
  // IPv4 refused
  ['0.0.0.0', 'unspecified'],
  ['0.1.2.3', 'unspecified'],
  ['10.0.0.1', 'private'],
  ['10.255.255.255', 'private'],
  ['100.64.0.1', 'shared'],
  ['100.127.255.255', 'shared'],
  ['127.0.0.1', 'loopback'],
  ['127.255.255.254', 'loopback'],
  ['169.254.0.1', 'link-local'],
  ['169.254.169.254', 'metadata'],
  ['169.254.170.2', 'metadata'],
  ['100.100.100.200', 'metadata'],
  ['172.16.0.1', 'private'],
  ['172.31.255.255', 'private'],
  ['192.168.1.1', 'private'],
  ['192.0.0.192', 'reserved'],
  ['192.0.2.10', 'documentation'],
  ['198.18.0.1', 'benchmarking'],
  ['224.0.0.251', 'multicast'],
  ['239.255.255.250', 'multicast'],
  ['240.0.0.1', 'reserved'],
  ['255.255.255.255', 'broadcast'],
  // public IPv6
  ['2001:4860:4860::8888', null],
  ['2606:4700:4700::1111', null],
  ['2a00:1450:4001:80b::200e', null],
  // IPv6 refused
  ['::', 'unspecified'],
  ['::1', 'loopback'],
  ['[::1]', 'loopback'],
  ['0:0:0:0:0:0:0:1', 'loopback'],
  ['fc00::1', 'private'],
  ['fd12:3456:789a::1', 'private'],
  ['fd00:ec2::254', 'metadata'],
  ['fe80::1', 'link-local'],
  ['fe80::1%eth0', 'link-local'],
  ['febf:ffff::1', 'link-local'],
  ['fec0::1', 'private'],
  ['ff02::1', 'multicast'],
  ['2001:db8::1', 'documentation'],
  ['100::1', 'reserved'],
  ['::127.0.0.1', 'reserved'],   // IPv4-compatible, deprecated
  // IPv4-mapped and other IPv6 forms of IPv4 addresses: the IPv4 address inside decides
  ['::ffff:127.0.0.1', 'loopback'],
  ['::ffff:7f00:1', 'loopback'],
  ['::ffff:10.0.0.1', 'private'],
  ['::ffff:169.254.169.254', 'metadata'],
  ['::ffff:a9fe:a9fe', 'metadata'],
  ['0:0:0:0:0:ffff:192.168.0.1', 'private'],
  ['::ffff:8.8.8.8', null],
  ['64:ff9b::7f00:1', 'loopback'],        // NAT64 of 127.0.0.1
  ['64:ff9b::808:808', null],             // NAT64 of 8.8.8.8
  ['2002:7f00:1::1', 'loopback'],         // 6to4 of 127.0.0.1
  ['2002:808:808::1', null],              // 6to4 of 8.8.8.8
  ['2001:0:4136:e378:8000:63bf:3fff:fdd2', 'documentation'], // Teredo (RFC 4380 example), client 192.0.2.45
  ['2001:0:1:2:3:4:80ff:fffe', 'loopback'],       // Teredo, client ~0x80fffffe = 127.0.0.1
  ['2001:0:1:2:3:4:f7f7:f7f7', null],             // Teredo, client ~0xf7f7f7f7 = 8.8.8.8
  // not addresses: refused
  ['localhost', 'invalid'],
  ['example.com', 'invalid'],
  ['', 'invalid'],
  ['1.2.3', 'invalid'],
  ['256.1.1.1', 'invalid'],
];

test('classifyAddress: the table', () => {
  for (const [ip, want] of CASES) assert.equal(classifyAddress(ip), want, ip);
});

test('isForbiddenAddress agrees with classifyAddress', () => {
  for (const [ip, want] of CASES) assert.equal(isForbiddenAddress(ip), want !== null, ip);
});

test('describeForbidden reads as a sentence', () => {
  assert.equal(describeForbidden('127.0.0.1', 'loopback'), '127.0.0.1 is a loopback address');
  assert.equal(
    describeForbidden('169.254.169.254', 'metadata'),
    '169.254.169.254 is a cloud metadata service address',
  );
});

test('ipLiteral tells IP hostnames from names', () => {
  assert.equal(ipLiteral('127.0.0.1'), '127.0.0.1');
  assert.equal(ipLiteral('[::1]'), '::1');
  assert.equal(ipLiteral('example.com'), null);
  // The WHATWG URL parser turns odd IPv4 spellings into dotted quads before the guard sees them.
  assert.equal(ipLiteral(new URL('http://0x7f.1/').hostname), '127.0.0.1');
  assert.equal(ipLiteral(new URL('http://2130706433/').hostname), '127.0.0.1');
  assert.equal(ipLiteral(new URL('http://[::ffff:127.0.0.1]/').hostname), '::ffff:7f00:1');
});
