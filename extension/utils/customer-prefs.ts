// The analyst's pins and marks (colour, label) per customer, in sync storage. Values from storage
// (another device may have written them) are parsed before use.
import * as z from 'zod/mini';
import { idSchema } from '../../shared/common';
import { customerMarkSchema, type CustomerMark } from '../../shared/extension-messages-core';
import { customerMarksItem, pinnedCustomersItem } from './storage';

const pinsSchema = z.array(idSchema).check(z.maxLength(500));
const marksSchema = z.record(idSchema, customerMarkSchema);

export const parsePins = (value: unknown): string[] => pinsSchema.safeParse(value).data ?? [];
export const parseMarks = (value: unknown): Record<string, CustomerMark> => marksSchema.safeParse(value).data ?? {};

export async function togglePin(tenantId: string) {
  const pins = parsePins(await pinnedCustomersItem.getValue());
  await pinnedCustomersItem.setValue(pins.includes(tenantId) ? pins.filter((p) => p !== tenantId) : [...pins, tenantId]);
}

export async function setMark(tenantId: string, mark: CustomerMark | null) {
  const { [tenantId]: _, ...rest } = parseMarks(await customerMarksItem.getValue());
  await customerMarksItem.setValue(mark ? { ...rest, [tenantId]: mark } : rest);
}
