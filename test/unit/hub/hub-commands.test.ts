import { describe, expect, it } from 'vitest';
import { unansweredHubCommands } from '../../../main/hub/hub-service.js';

describe('hub commands', () => {
  it('has a handler for every hub command of the contract', () => {
    expect(unansweredHubCommands()).toEqual([]);
  });
});
