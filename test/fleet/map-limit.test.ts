import { mapLimit } from '../../bin/fleet/map-limit';

test('mapLimit keeps the order of the items and never has more than `limit` calls in flight', async () => {
  let inFlight = 0;
  let most = 0;
  const results = await mapLimit([30, 10, 20, 0, 5], 2, async (ms) => {
    most = Math.max(most, ++inFlight);
    await new Promise((r) => setTimeout(r, ms));
    inFlight--;
    return ms * 2;
  });
  expect(results).toEqual([60, 20, 40, 0, 10]);
  expect(most).toBe(2);
});

test('mapLimit of nothing is nothing', async () => {
  await expect(mapLimit([], 4, async () => 1)).resolves.toEqual([]);
});
