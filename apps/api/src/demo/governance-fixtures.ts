import {
  AssignSeat,
  Attendance,
  Declarations,
  EstablishBody,
  GrantedDelegation,
  PassResolution,
  RecordApproval,
  RecordMeeting,
} from '@bcl/domain-governance';

/**
 * The governance record the brief dates (§3.4, §3.6, §5.4): the Kent HWB of 27 January 2016 with its
 * attendance and lettered resolutions; Kent's 14 June 2017 delegation of sign-off to the Chairman and the
 * Board of 20 September 2017; and Southend-on-Sea's delegations of 22 March and 21 June 2017. Each step's
 * `reason` cites its source, and says where the seeds are silent.
 */
export type GovernanceFixtureStep =
  | { kind: 'body'; command: EstablishBody; reason: string }
  | { kind: 'seat'; command: AssignSeat; reason: string }
  | { kind: 'meeting'; command: RecordMeeting; reason: string }
  | { kind: 'attendance'; command: Attendance & { meetingId: string }; reason: string }
  | { kind: 'declarations'; command: Declarations & { meetingId: string }; reason: string }
  | { kind: 'resolution'; command: PassResolution; reason: string }
  | { kind: 'delegation'; command: GrantedDelegation; reason: string }
  | { kind: 'approval'; command: RecordApproval; reason: string }
  | {
      kind: 'report-back';
      command: { delegationId: string; meetingId: string; resolutionId: string | null };
      reason: string;
    };

const KENT_MEETING = 'kent-hwb-2016-01-27';
const KENT_AGENDA: [string, string][] = [
  ['1', "Chairman's Welcome"],
  ['2', 'Apologies and Substitutes'],
  ['3', 'Declarations of Interest by Members in items on the agenda for this meeting'],
  ['4', 'Minutes of the Meeting held on 18 November 2015'],
  ['5', 'NHS preparations for and response to winter in Kent 2015/16'],
  ['6', 'The new planning arrangements for health and social care'],
  ['7', 'New Models of Care - Progress Report - Presentation'],
  ['8', 'Draft Kent Health and Wellbeing Board Work Programme'],
  ['9', "Kent Safeguarding Children's Board Annual Report"],
  ['10', "Minutes of the Children's Health and Wellbeing Board"],
  ['11', 'Minutes of the Local Health and Wellbeing Boards'],
  ['12', 'Date of Next Meeting'],
];

const kentResolution = (
  minuteNo: string,
  itemNo: string,
  outcome: PassResolution['outcome'],
  parts: [string | null, string][],
  extra: Partial<PassResolution> = {},
): GovernanceFixtureStep => ({
  kind: 'resolution',
  command: {
    resolutionId: `${KENT_MEETING}-${minuteNo}`,
    meetingId: KENT_MEETING,
    minuteNo,
    itemNo,
    parts: parts.map(([letter, text]) => ({ letter, text })),
    outcome,
    reportsConsidered: [],
    concerns: [],
    authorises: null,
    approvesMinutesOf: null,
    ...extra,
  },
  reason: `Minute ${minuteNo} of the Kent HWB, 27 Jan 2016 (002), verbatim`,
});

const SOUTHEND_OFFICERS = ['southend-dce-people', 'southend-ccg-accountable-officer'];
const SOUTHEND_CONSULTEES = ['southend-hwb-chair', 'southend-hwb-vice-chair'];

export const GOVERNANCE_FIXTURES: GovernanceFixtureStep[] = [
  {
    kind: 'body',
    command: {
      bodyId: 'kent-hwb',
      name: 'Kent Health and Wellbeing Board',
      kind: 'health-and-wellbeing-board',
      areaId: 'kent',
      establishedOn: '2013-04-01',
    },
    reason: 'HWBs became statutory on 1 April 2013 (public record)',
  },
  {
    kind: 'seat',
    command: { bodyId: 'kent-hwb', postId: 'kent-hwb-chair', role: 'chair', from: '2013-04-01' },
    reason: 'The Chairman (002:7, 000:36)',
  },
  {
    kind: 'seat',
    command: { bodyId: 'kent-hwb', postId: 'kent-hwb-vice-chair', role: 'vice-chair', from: '2013-04-01' },
    reason: 'The Vice-Chairman (002:7)',
  },
  {
    kind: 'meeting',
    command: {
      meetingId: 'kent-hwb-2015-11-18',
      bodyId: 'kent-hwb',
      date: '2015-11-18',
      venue: null,
      agenda: [],
    },
    reason: 'Its minutes were approved on 27 Jan 2016 (002:32); its venue and agenda are not in the seeds',
  },
  {
    kind: 'meeting',
    command: {
      meetingId: KENT_MEETING,
      bodyId: 'kent-hwb',
      date: '2016-01-27',
      venue: 'Darent Room, Sessions House, County Hall, Maidstone',
      agenda: KENT_AGENDA.map(([itemNo, title]) => ({ itemNo, title, urgent: null })),
    },
    reason: 'Minutes of the Kent HWB, 27 Jan 2016 (002:5-120)',
  },
  {
    kind: 'attendance',
    command: {
      meetingId: KENT_MEETING,
      present: [
        { personId: 'p-0001', capacity: 'chair', substituteFor: null },
        { personId: 'p-0101', capacity: 'member', substituteFor: null },
        { personId: 'p-0003', capacity: 'member', substituteFor: null },
        { personId: 'p-0104', capacity: 'vice-chair', substituteFor: null },
        { personId: 'p-0105', capacity: 'member', substituteFor: null },
        { personId: 'p-0106', capacity: 'member', substituteFor: null },
        { personId: 'p-0107', capacity: 'member', substituteFor: null },
        { personId: 'p-0108', capacity: 'member', substituteFor: 'p-0122' },
        { personId: 'p-0109', capacity: 'member', substituteFor: null },
        { personId: 'p-0110', capacity: 'member', substituteFor: null },
        { personId: 'p-0111', capacity: 'member', substituteFor: null },
        { personId: 'p-0112', capacity: 'member', substituteFor: null },
        { personId: 'p-0113', capacity: 'member', substituteFor: null },
        { personId: 'p-0114', capacity: 'member', substituteFor: 'p-0124' },
        { personId: 'p-0002', capacity: 'member', substituteFor: null },
        { personId: 'p-0115', capacity: 'member', substituteFor: null },
        { personId: 'p-0116', capacity: 'member', substituteFor: null },
        { personId: 'p-0117', capacity: 'member', substituteFor: null },
        { personId: 'p-0118', capacity: 'member', substituteFor: null },
      ],
      apologies: ['p-0122', 'p-0123', 'p-0124', 'p-0125', 'p-0126'],
      inAttendance: [
        { personId: 'p-0119', capacity: 'Policy and Relationships Adviser (Health)' },
        { personId: 'p-0120', capacity: 'Strategic Relationships Adviser (Health)' },
        { personId: 'p-0121', capacity: 'Principal Democratic Services Officer' },
      ],
    },
    reason: 'PRESENT, IN ATTENDANCE (002:7-9); apologies and substitutes, minute 191 (002:24)',
  },
  {
    kind: 'declarations',
    command: { meetingId: KENT_MEETING, noneDeclared: true, declarations: [] },
    reason: 'Minute 192: "There were no declarations of interest." (002:28)',
  },
  kentResolution(
    '193',
    '4',
    'resolved',
    [
      [
        null,
        'that the minutes of the meeting held on 18 November 2015 are correctly recorded and that they be signed by the Chairman.',
      ],
    ],
    { approvesMinutesOf: 'kent-hwb-2015-11-18' },
  ),
  kentResolution('194', '5', 'noted', [[null, 'that the report and updates be noted']]),
  kentResolution('195', '6', 'resolved', [
    [
      'a',
      'That the most appropriate planning footprints were the health economies of north, west and east Kent with recognition of the wider Kent and Medway dimension for some aspects of planning;',
    ],
    [
      'b',
      'That a range of governance models were emerging be noted; that there should be reports on the development of the Strategic and Transformation Plans to the HWB in March and May 2016 and that they should include updates on this aspect as appropriate;',
    ],
    [
      'c',
      "That the Board's workplan and forward agenda setting reflect the requirements to consider and agree the various plans to be produced over the coming months, including the evolution of the BCF in Kent, to deliver the wider integration requirement by 2020 in conjunction with the Sustainability and Transformation Plans;",
    ],
    [
      'd',
      'That the work, to be done outside the meeting, to ensure progress be recognised and that consideration be given to reframing the refreshed Health and Wellbeing Strategy, due in 2017, around plans for the integration of health and social care by 2020, although work to achieve this integration should be accelerated as much as possible;',
    ],
    [
      'e',
      'To note that, in practice the Assurance Framework covered the review and evaluation of progress towards the objectives of the plans including the nine "must-do\'s".',
    ],
  ]),
  kentResolution('197', '8', 'agreed', [
    [
      'a',
      'An annual work programme for the Board in line with the approach set out in the report be agreed;',
    ],
    [
      'b',
      'Amendments to the Forward Work Programme be suggested prior to final agreement of the programme on 16 March 2016 and its communication to the local health and wellbeing boards;',
    ],
    ['c', 'The Forward Work Programme be a standing item on future agendas;'],
    ['d', 'A lead officer to assist in the co-ordination of future agendas be nominated where appropriate.'],
  ]),
  kentResolution('198', '9', 'noted', [
    [
      null,
      'that the progress and improvements made during 2014/15, as detailed in the annual report from the Independent Chair of Kent Safeguarding Children Board, be noted.',
    ],
  ]),
  kentResolution('199', '10', 'noted', [
    [
      null,
      "that the minutes of the meetings of the Children's Health and Wellbeing Board held on 15 September and 25 November 2015 be noted.",
    ],
  ]),
  kentResolution('200', '11', 'noted', [
    [null, 'that the minutes of local health and wellbeing boards be noted as follows: …'],
  ]),
  // Kent, 14 June 2017: formal sign-off of the BCF plan 2017-19 delegated to the Chairman (000:440-442)
  {
    kind: 'meeting',
    command: {
      meetingId: 'kent-hwb-2017-06-14',
      bodyId: 'kent-hwb',
      date: '2017-06-14',
      venue: null,
      agenda: [],
    },
    reason: 'The Board discussed the BCF plan on 14 Jun 2017 (000:440); its minutes are not in the seeds',
  },
  {
    kind: 'resolution',
    command: {
      resolutionId: 'kent-hwb-2017-06-14-bcf-sign-off',
      meetingId: 'kent-hwb-2017-06-14',
      minuteNo: null,
      itemNo: null,
      parts: [
        {
          letter: null,
          text: 'The Kent Health and Wellbeing Board discussed the Better Care Fund Plan on 14 June 2017 and due to timescales delegated responsibility for formal sign off to the Chairman.',
        },
      ],
      outcome: 'agreed',
      reportsConsidered: ['Kent Better Care Fund Plan 2017-19'],
      concerns: [{ kind: 'bcf-plan', id: 'kent-2017-19', version: null }],
      authorises: null,
      approvesMinutesOf: null,
    },
    reason: "The plan's own account of the decision (000:440); minute and item numbers are not in the seeds",
  },
  {
    kind: 'delegation',
    command: {
      delegationId: 'kent-hwb-2017-06-14-bcf-sign-off',
      grantingBodyId: 'kent-hwb',
      resolutionId: 'kent-hwb-2017-06-14-bcf-sign-off',
      purpose: 'formal sign off of the Kent BCF Plan 2017-19, due to timescales',
      delegates: { mode: 'one', posts: ['kent-hwb-chair'] },
      consultees: [],
      scope: { instrumentKind: 'bcf-plan', instrumentId: 'kent-2017-19', financialLimitPence: null },
      validFrom: '2017-06-14',
      validUntil: null,
      parentDelegationId: null,
      reportBack: { bodyId: 'kent-hwb', by: '2017-09-20' },
    },
    reason: 'DEL-KENT-2017 (000:440-442): the plan "will go before the Kent HWB on 20 September 2017"',
  },
  {
    kind: 'approval',
    command: {
      approvalId: 'kent-2017-19-v1-chairman',
      instrument: { kind: 'bcf-plan', id: 'kent-2017-19', version: 1 },
      actorPersonId: 'p-0002',
      actingPostId: 'kent-hwb-chair',
      authority: { kind: 'delegation', delegationId: 'kent-hwb-2017-06-14-bcf-sign-off' },
      effectiveOn: '2017-09-11',
      amountPence: null,
      provisionalConditions: null,
    },
    reason:
      'The plan dated 11 Sep 2017 is "confirmed and agreed by" Peter Oakford, Chairman (000:34-36); the date of exercise is not in the seeds, so the plan date stands in',
  },
  {
    kind: 'meeting',
    command: {
      meetingId: 'kent-hwb-2017-09-20',
      bodyId: 'kent-hwb',
      date: '2017-09-20',
      venue: null,
      agenda: [],
    },
    reason:
      'The plan "will go before the Kent HWB on 20 September 2017" (000:442); its minutes are not in the seeds',
  },
  {
    kind: 'report-back',
    command: {
      delegationId: 'kent-hwb-2017-06-14-bcf-sign-off',
      meetingId: 'kent-hwb-2017-09-20',
      resolutionId: null,
    },
    reason: 'The signed-off plan went before the Board on 20 Sep 2017 (000:442; issue 5)',
  },
  // Southend-on-Sea: the BCF plan delegation of 22 March 2017 and the iBCF plan delegation of 21 June 2017
  {
    kind: 'body',
    command: {
      bodyId: 'southend-hwb',
      name: 'Southend Health & Wellbeing Board',
      kind: 'health-and-wellbeing-board',
      areaId: 'southend-on-sea',
      establishedOn: '2013-04-01',
    },
    reason: 'HWBs became statutory on 1 April 2013 (public record); the name as on the report (004:33)',
  },
  {
    kind: 'seat',
    command: { bodyId: 'southend-hwb', postId: 'southend-hwb-chair', role: 'chair', from: '2013-04-01' },
    reason: 'The Chair (004:864)',
  },
  {
    kind: 'seat',
    command: {
      bodyId: 'southend-hwb',
      postId: 'southend-hwb-vice-chair',
      role: 'vice-chair',
      from: '2013-04-01',
    },
    reason: 'The Vice Chair, a consultee (004:76); not named in the seeds',
  },
  {
    kind: 'meeting',
    command: {
      meetingId: 'southend-hwb-2017-03-22',
      bodyId: 'southend-hwb',
      date: '2017-03-22',
      venue: null,
      agenda: [],
    },
    reason: 'The March 2017 HWB (004:104, 004:2640-2696); its venue and agenda are not in the seeds',
  },
  {
    kind: 'resolution',
    command: {
      resolutionId: 'southend-hwb-2017-03-22-bcf',
      meetingId: 'southend-hwb-2017-03-22',
      minuteNo: null,
      itemNo: null,
      parts: [
        { letter: '2.1', text: 'note the update for BCF 201/19;' },
        {
          letter: '2.2',
          text: 'agree delegated authority to the Deputy Chief Executive (People), SBC and the Interim Accountable Officer SCCG in conjunction with the Chair and Vice Chair of HWB to sign off the final BCF plan for 2017/19 on behalf of HWB; and',
        },
        {
          letter: '2.3',
          text: 'agree to the BCF plan 2017/19 being consulted amongst HWB partners as outlined in section 4.5 4.8.',
        },
      ],
      outcome: 'agreed',
      reportsConsidered: ['Better Care Fund 2017/19 (report to the HWB, March 2017; Appendix C of 004)'],
      concerns: [{ kind: 'bcf-plan', id: 'southend-on-sea-2017-19', version: null }],
      authorises: null,
      approvesMinutesOf: null,
    },
    reason:
      'The recommendations as worded (004:2655-2658); "At March 2017 HWB members approved a report (Appendix C)" (004:104)',
  },
  {
    kind: 'delegation',
    command: {
      delegationId: 'southend-hwb-2017-03-22-bcf',
      grantingBodyId: 'southend-hwb',
      resolutionId: 'southend-hwb-2017-03-22-bcf',
      purpose:
        'to sign off the final BCF plan for 2017/19 on behalf of HWB, to enable a submission to NHS England in accordance with the planning guidance',
      delegates: { mode: 'all', posts: SOUTHEND_OFFICERS },
      consultees: SOUTHEND_CONSULTEES,
      scope: {
        instrumentKind: 'bcf-plan',
        instrumentId: 'southend-on-sea-2017-19',
        financialLimitPence: null,
      },
      validFrom: '2017-03-22',
      validUntil: null,
      parentDelegationId: null,
      reportBack: { bodyId: 'southend-hwb', by: null },
    },
    reason:
      'DEL-STH-BCF-2017 (004:2657): "in conjunction with the Chair and Vice Chair" is a consultation; to be brought "to the next appropriate HWB" (004:2696), no date',
  },
  {
    kind: 'meeting',
    command: {
      meetingId: 'southend-hwb-2017-06-21',
      bodyId: 'southend-hwb',
      date: '2017-06-21',
      venue: null,
      agenda: [{ itemNo: 'bcf', title: 'Better Care Fund 2017/19', urgent: null }],
    },
    reason: 'The joint report to the HWB of 21 Jun 2017 (004:30-80); the agenda number is blank in the seeds',
  },
  {
    kind: 'resolution',
    command: {
      resolutionId: 'southend-hwb-2017-06-21-ibcf',
      meetingId: 'southend-hwb-2017-06-21',
      minuteNo: null,
      itemNo: 'bcf',
      parts: [
        { letter: '2.1', text: 'note the updates for BCF 2017/19 and the iBCF 2017/18;' },
        {
          letter: '2.2',
          text: 'agree priorities for setting the BCF 2017/19 plan, including the need to abide by the national BCF conditions;',
        },
        {
          letter: '2.3',
          text: 'agree delegated authority to the Deputy Chief Executive (People), SBC and the Interim Accountable Officer SCCG in conjunction with the Chair and Vice Chair of HWB to sign off the iBCF plan for 2017/18 on behalf of HWB; and',
        },
        {
          letter: '2.4',
          text: 'agree to the iBCF plan 2017/18 being consulted amongst HWB partners as outlined in section 5.',
        },
      ],
      outcome: 'agreed',
      reportsConsidered: [
        'Better Care Fund 2017/19, joint report of the Deputy Chief Executive (People) and the Interim Accountable Officer (004:30-49)',
      ],
      concerns: [{ kind: 'ibcf-plan', id: 'southend-on-sea-2017-18', version: null }],
      authorises: null,
      approvesMinutesOf: null,
    },
    reason:
      "The report's recommendations (004:72-77), recorded as the issue's fixture; whether the Board agreed them is not in the seeds (brief §3.4)",
  },
  {
    kind: 'delegation',
    command: {
      delegationId: 'southend-hwb-2017-06-21-ibcf',
      grantingBodyId: 'southend-hwb',
      resolutionId: 'southend-hwb-2017-06-21-ibcf',
      purpose:
        'to sign off the iBCF plan for 2017/18 on behalf of HWB, in accordance with the grant conditions as defined by the BCF policy framework (published March 2017)',
      delegates: { mode: 'all', posts: SOUTHEND_OFFICERS },
      consultees: SOUTHEND_CONSULTEES,
      scope: {
        instrumentKind: 'ibcf-plan',
        instrumentId: 'southend-on-sea-2017-18',
        financialLimitPence: null,
      },
      validFrom: '2017-06-21',
      validUntil: null,
      parentDelegationId: null,
      reportBack: null,
    },
    reason: 'DEL-STH-IBCF-2017 (004:62, 004:76); report-back is not in the seeds',
  },
];
