"""The README's rubric applied to every resident x posting pair of the judged set, mechanically.

Usage: python3 rubric.py src/test/resources/matching-eval search-index > /tmp/grades.tsv
It reads the occupation list and synonyms (never the scorer), and prints resident, posting,
for_resident, for_posting, why. It grades new pairs; the original 1,250 were graded by hand and
agree with it on all but two skill judgements (R09-P11, R15-P43), which stay as the person decided.
"""
import json, sys, unicodedata, re
base = sys.argv[1]
idx = sys.argv[2]
def key(s): return re.sub(r'\s+','',unicodedata.normalize('NFKC',s)).lower()
occ = {}; first = {}
for line in open(idx+'/occupations.tsv', encoding='utf-8'):
    if line.startswith('#') or line.startswith('name\t') or not line.strip(): continue
    n,c,g = line.rstrip('\n').split('\t')[:3]
    occ[key(n)] = (c,g)
syn = []
for line in open(idx+'/synonyms.txt', encoding='utf-8'):
    line=line.strip()
    if not line or line.startswith('#'): continue
    syn.append([t.strip() for t in line.split(',') if t.strip()])
synby = {}
for gr in syn:
    for t in gr: synby.setdefault(key(t), []).append(gr)
# names the occupation list lacks, placed by a person: the group a matchmaker puts the work in
HUMAN = {'快递分拣打包员': 'logistics', '无人机植保飞手': 'driving'}
def find(name):
    k = key(name)
    if k in occ: return occ[k]
    for gr in synby.get(k, []):
        for m in gr:
            if key(m) in occ: return occ[key(m)]
    if name in HUMAN: return ('~'+k, HUMAN[name])
    return ('~'+k, '~'+k)
def skey(s):
    g = synby.get(key(s))
    return key(g[0][0]) if g else key(s)
names_sorted = sorted([n for n in occ if len(n)>=2], key=lambda n:(-len(n), n))
byfirst = {}
for n in names_sorted: byfirst.setdefault(n[0], []).append(n)
def mentioned(text):
    if not text: return []
    t = key(text); out=[]; seen=set(); i=0
    for i in range(len(t)):
        for n in byfirst.get(t[i], []):
            if t.startswith(n, i):
                c=occ[n]
                if c[0] not in seen: seen.add(c[0]); out.append(c)
                break
    return out
units = {u['key']:u for u in json.load(open(base+'/units.json', encoding='utf-8'))}
posts = json.load(open(base+'/postings.json', encoding='utf-8'))
ress = json.load(open(base+'/residents.json', encoding='utf-8'))
EDU = ['NONE','PRIMARY','JUNIOR_HIGH','SENIOR_HIGH','VOCATIONAL','ASSOCIATE','BACHELOR','MASTER']
def hard(r,p):
    lic=set(r.get('licences') or [])
    for l in p.get('requiredLicences') or []:
        if l not in lic: return 'hard: licence %s missing'%l
    if p.get('publicWelfare') and not r.get('difficultyCategories'): return 'hard: public-welfare without category'
    acc=r.get('acceptableSchedules') or []
    if acc and p['schedule'] not in acc: return 'hard: schedule %s not acceptable'%p['schedule']
    age=2026-r['birthYear']
    if p.get('minAge') is not None and age<p['minAge']: return 'hard: age %d below %d'%(age,p['minAge'])
    if p.get('maxAge') is not None and age>p['maxAge']: return 'hard: age %d above %d'%(age,p['maxAge'])
    if EDU.index(r.get('education') or 'NONE') < EDU.index(p.get('minEducation') or 'NONE'): return 'hard: education below minimum'
    if p.get('community') is None and not r.get('willingOutside'): return 'hard: outside the district, not willing'
    if units[p['unit']]['agreement']!='VALID': return 'hard: unit agreement not valid'
    st=p.get('status','OPEN')
    if st!='OPEN': return 'hard: posting %s'%st.lower()
    if p.get('filledCount') is not None and p['filledCount']>=p['headcount']: return 'hard: posting full'
    if r.get('status','SEEKING') in ('EMPLOYED','INACTIVE'): return 'hard: resident %s'%r['status'].lower()
    return None
def grade(r,p):
    h=hard(r,p)
    if h: return 0,0,h
    pc,pg=find(p['occupation'])
    desired=[find(d) for d in r.get('desiredOccupations') or []]
    past=mentioned(r.get('experience'))
    work = desired if desired else past + [find(s) for s in r.get('skills') or [] if key(s) in occ]
    same = any(c==pc for c,g in work); group = any(g==pg for c,g in work)
    mw=r.get('minWage'); wm=p['wageMax']
    met = mw is None or wm>=mw
    short20 = (mw is not None and wm<mw and (mw-wm)/mw<=0.2)
    rs={skey(s) for s in r.get('skills') or []}
    ps=[skey(s) for s in p.get('skills') or []]
    shared=sum(1 for s in ps if s in rs)
    if same and met: fr=3; wr='same occupation, wage met'
    elif same and short20: fr=2; wr='same occupation, wage at most 20% short'
    elif group and not same and met: fr=2; wr='same group, wage met'
    elif group and not same: fr=1; wr='same group, wage short'
    elif shared>0: fr=1; wr='different group, shared skill'
    elif same: fr=1; wr='same occupation, wage well short'
    else: fr=0; wr='unrelated work'
    did = any(c==pc for c,g in desired) or any(c==pc for c,g in past)
    mostly = (not ps) or shared*2 > len(ps)
    dgroup = any(g==pg for c,g in desired)
    if did and mostly: fp=3; wp='desires or has done it, holds most skills'
    elif did: fp=2; wp='desires or has done it, lacks most skills'
    elif dgroup and shared>=1: fp=2; wp='desires the same group, holds a listed skill'
    elif dgroup or (not desired and any(g==pg for c,g in work)): fp=1; wp='same group only'
    elif shared>=1: fp=1; wp='a listed skill only'
    else: fp=0; wp='nothing connects'
    prio = bool(r.get('difficultyCategories')) or (r.get('unemployedSince') is not None and r['unemployedSince']<='2025-12-01')
    if prio and fp in (1,2): fp+=1; wp+='; priority +1'
    return fr,fp,'res: '+wr+' | post: '+wp
out=[]
for r in ress:
    for p in posts:
        out.append((r['key'],p['key'])+grade(r,p))
for row in out:
    print('\t'.join(str(x) for x in row))
