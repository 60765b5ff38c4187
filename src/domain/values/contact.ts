/** Does a responsible-person cell give a way to reach them: a phone number or an e-mail address? */

const EMAIL = /[^\s@<>(),;:]+@[^\s@<>(),;:]+\.[a-zа-я]{2,}/i;
/**
 * Six or more digits, allowing +7, brackets, spaces, dashes and dots between them: 8 (3822) 51-23-45, or a local
 * «43-05-20» as seed 000 writes them (the plan form's «Проверка» counts six digits too).
 */
const PHONE = /(?:\+?\d[\s\-().]*){6,}/;

// The pattern, unanchored, would try every position of a long cell; an address has an «@» in any case.
export const hasEmail = (text: string): boolean => text.includes('@') && EMAIL.test(text);
export const hasPhone = (text: string): boolean => PHONE.test(text);
export const hasContact = (text: string): boolean => hasEmail(text) || hasPhone(text);
